// The two trees of the schema (organisations, results nodes) are walked by
// recursive queries written once here: a node's ancestors and descendants.
import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "./client.ts";

/** Deep enough for any real hierarchy; stops a cycle written by hand in the database. */
const MAX_DEPTH = 50;
type TreeTable = "organisations" | "result_nodes";

/** The ids of a row and its ancestors, nearest first. */
export async function ancestorIds(db: Db, table: TreeTable, id: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from ${sql.identifier(table)} where id = ${id}
      union all
      select t.id, t.parent_id, up.depth + 1 from ${sql.identifier(table)} t join up on t.id = up.parent_id where up.depth < ${MAX_DEPTH}
    ) select id from up order by depth`,
  );
  return rows.map((r) => r.id);
}

/** A subquery of the ids of the roots that `roots` selects and all their descendants. */
export function descendantsOf(table: TreeTable, roots: SQL): SQL {
  return sql`(with recursive down(id, depth) as (
      select r.id, 0 from (${roots}) as r(id)
      union all
      select t.id, down.depth + 1 from ${sql.identifier(table)} t join down on t.parent_id = down.id where down.depth < ${MAX_DEPTH}
    ) select id from down)`;
}

/** A subquery of the ids of the rows that `rows` selects (a select or a VALUES list of ids) and all their ancestors. */
export function ancestorsOf(table: TreeTable, rows: SQL): SQL {
  return sql`(with recursive up(id, parent_id, depth) as (
      select t.id, t.parent_id, 0 from ${sql.identifier(table)} t where t.id in (${rows})
      union all
      select t.id, t.parent_id, up.depth + 1 from ${sql.identifier(table)} t join up on t.id = up.parent_id where up.depth < ${MAX_DEPTH}
    ) select id from up)`;
}
