// The report's document as its writers will lay it out, from the same blocks
// (core's ReportDocument): its title, headings, paragraphs, the narrative as
// written (« - » lines as bullets), identity blocks and tables, their group,
// sub-total and total rows bold and their figures right-aligned.
import type { ReportBlock, ReportCell, ReportColumn, ReportDocument, ReportRow } from "@baara/core";
import type { ReactNode } from "react";

type TableBlock = Extract<ReportBlock, { kind: "table" }>;

/** The document's blocks, or nothing when the answer is not a document (a template the server has no builder for yet). */
export function asDocument(value: unknown): ReportDocument | null {
  const doc = value as ReportDocument | null;
  return doc && typeof doc === "object" && Array.isArray(doc.sections) ? doc : null;
}

export function ReportPreview({ document }: { document: ReportDocument }) {
  return (
    <div className="report-doc">
      {document.sections.map((section, s) => (
        <div key={s} className="report-section" data-landscape={section.landscape || undefined}>
          {section.blocks.map((block, b) => (
            <Block key={b} block={block} />
          ))}
        </div>
      ))}
    </div>
  );
}

function Block({ block }: { block: ReportBlock }) {
  switch (block.kind) {
    case "title":
      return <h4 className="report-title">{block.text}</h4>;
    case "heading":
      return block.level === 1 ? (
        <h5 className="report-h1">{block.text}</h5>
      ) : (
        <h6 className={block.level === 2 ? "report-h2" : "report-h3"}>{block.text}</h6>
      );
    case "paragraph": {
      let text: ReactNode = block.text;
      if (block.italic) text = <em>{text}</em>;
      if (block.bold) text = <strong>{text}</strong>;
      return <p>{text}</p>;
    }
    case "narrative":
      return <Narrative label={block.label} text={block.text} field={block.field} />;
    case "fields":
      return (
        <table className="report-fields">
          <tbody>
            {block.rows.map(([label, value], i) => (
              <tr key={i}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "table":
      return <DocumentTable table={block} />;
  }
}

/** A field's text as its writer left it: paragraphs, and lines starting « - » as a bulleted list. */
function Narrative({ label, text, field }: { label?: string; text: string; field: string }) {
  const parts: ReactNode[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length > 0)
      parts.push(
        <ul key={parts.length}>
          {bullets.map((b, i) => (
            <li key={i}>{b}</li>
          ))}
        </ul>,
      );
    bullets = [];
  };
  for (const line of text.split("\n")) {
    const bullet = /^\s*[-–•]\s+(.*)$/.exec(line);
    if (bullet) bullets.push(bullet[1] ?? "");
    else {
      flush();
      if (line.trim()) parts.push(<p key={parts.length}>{line}</p>);
    }
  }
  flush();
  return (
    <div className="report-narrative" data-field={field}>
      {label && <p className="report-narrative-label">{label}</p>}
      {parts}
    </div>
  );
}

const cellText = (cell: ReportCell): string => (typeof cell === "string" ? cell : cell.text);
const isFigure = (cell: ReportCell): boolean => typeof cell !== "string";

function align(column: ReportColumn | undefined, cell: ReportCell): "left" | "right" | "center" | undefined {
  if (column?.align) return column.align;
  return isFigure(cell) ? "right" : undefined;
}

function DocumentTable({ table }: { table: TableBlock }) {
  const wide = table.columns.length > 8;
  const label = table.caption ?? table.sheet;
  return (
    <div className="report-table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="report-table" data-wide={wide || undefined}>
        {table.caption && <caption>{table.caption}</caption>}
        <colgroup>
          {table.columns.map((c, i) => (
            <col key={i} style={{ width: `${c.width}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" style={{ textAlign: c.align ?? "left" }}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <Row key={r} row={row} columns={table.columns} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ row, columns }: { row: ReportRow; columns: ReportColumn[] }) {
  const span = row.span ?? 1;
  return (
    <tr className={row.style ? `report-row-${row.style}` : undefined}>
      {row.cells.map((cell, i) => {
        // A first cell spanning columns moves the others along.
        const column = columns[i === 0 ? 0 : i + span - 1];
        const side = align(column, cell);
        return (
          <td
            key={i}
            colSpan={i === 0 && span > 1 ? span : undefined}
            className={isFigure(cell) ? "num" : undefined}
            style={side ? { textAlign: side } : undefined}
          >
            {cellText(cell)}
          </td>
        );
      })}
    </tr>
  );
}
