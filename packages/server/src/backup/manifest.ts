// What a backup says about itself: which database it holds, the migrations
// that database had, and whether the stored files came with it. Restore reads
// it first and refuses what this build cannot take back.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, MIGRATIONS_FOLDER, queryRows } from "../db/client.ts";

export const MANIFEST_NAME = "manifest.json";
export const DATABASE_FILE = { pglite: "database.pglite.tar", postgresql: "database.pgdump" } as const;
export const FILES_FOLDER = "files";

const manifestSchema = z.object({
  format: z.literal("baara-backup"),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  database: z.enum(["pglite", "postgresql"]),
  migrations: z.array(z.string()),
  /** How many stored files came with it; null when they live in a bucket, which is backed up on its own. */
  files: z.number().int().nonnegative().nullable(),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export function parseManifest(text: string, archive: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${archive} is not a Baara backup: its ${MANIFEST_NAME} is not JSON`);
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${archive} is not a Baara backup this version can read (${MANIFEST_NAME}: ${issue?.path.join(".")} ${issue?.message})`);
  }
  return parsed.data;
}

/** This build's migrations, oldest first, from drizzle's journal. */
export async function knownMigrations(): Promise<{ tag: string; when: number }[]> {
  const journal = JSON.parse(await readFile(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/** The migrations a database has had, by tag (drizzle records each one's journal time). */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await queryRows<{ created_at: string }>(db, sql`select created_at from drizzle.__drizzle_migrations order by id`);
  const known = await knownMigrations();
  return rows.map(({ created_at }) => known.find((m) => m.when === Number(created_at))?.tag ?? `unknown-${created_at}`);
}

/** A backup restores when its migrations are this build's first ones: older backups are migrated forward after. */
export async function checkMigrations(manifest: BackupManifest): Promise<void> {
  const known = (await knownMigrations()).map((m) => m.tag);
  manifest.migrations.forEach((tag, index) => {
    if (known[index] !== tag) {
      throw new Error(`This backup was made by another version of Baara (migration ${tag} is not this version's): restore it with that version`);
    }
  });
}
