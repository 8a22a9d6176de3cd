// A report's document as Word: headings, paragraphs, narrative text (lines
// starting « - » as bullets), label/value blocks, and real tables whose
// header row repeats on every page; wide tables in landscape sections; page
// numbers in the footer. Only lays out what the template built.
import { catalogue, type Locale, type ReportBlock, reportCellText, type ReportDocument, type ReportRow } from "@baara/core";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

const HEAD_FILL = "DCE6F1";
const GROUP_FILL = "F2F2F2";
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};
/** A4 in twentieths of a point. */
const A4 = { short: 11_906, long: 16_838 };
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

function textCell(
  text: string,
  options: { bold?: boolean; fill?: string; width?: number; align?: keyof typeof ALIGN; span?: number } = {},
): TableCell {
  return new TableCell({
    children: text.split("\n").map(
      (line) =>
        new Paragraph({
          alignment: ALIGN[options.align ?? "left"],
          children: [new TextRun({ text: line, bold: options.bold ?? false, size: 18 })],
        }),
    ),
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, fill: options.fill, color: "auto" } } : {}),
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
    ...(options.span && options.span > 1 ? { columnSpan: options.span } : {}),
  });
}

function tableOf(block: Extract<ReportBlock, { kind: "table" }>): Table {
  const { columns } = block;
  const row = (r: ReportRow) => {
    const bold = r.style !== undefined;
    const fill = r.style === "group" ? GROUP_FILL : undefined;
    const cells = r.cells.map((cell, i) =>
      textCell(reportCellText(cell), {
        bold,
        fill,
        width: columns[i]?.width,
        align: typeof cell === "string" ? columns[i]?.align : "right",
        span: i === 0 ? r.span : undefined,
      }),
    );
    return new TableRow({ cantSplit: true, children: cells });
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((c) => textCell(c.header, { bold: true, fill: HEAD_FILL, width: c.width, align: "center" })),
      }),
      ...block.rows.map(row),
    ],
  });
}

const paragraphsOf = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) =>
      line.startsWith("- ")
        ? new Paragraph({ bullet: { level: 0 }, children: [new TextRun(line.slice(2))] })
        : new Paragraph({ spacing: { after: 120 }, alignment: AlignmentType.JUSTIFIED, children: [new TextRun(line)] }),
    );

function blockOf(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "title":
      return [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(block.text)] }),
      ];
    case "heading":
      // A heading stays with what follows it: never alone at the foot of a page.
      return [
        new Paragraph({
          heading: HEADINGS[block.level],
          keepNext: true,
          keepLines: true,
          spacing: { before: 240, after: 120 },
          children: [new TextRun(block.text)],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          spacing: { after: 120 },
          alignment: AlignmentType.JUSTIFIED,
          children: [new TextRun({ text: block.text, bold: block.bold ?? false, italics: block.italic ?? false })],
        }),
      ];
    case "narrative":
      return [
        ...(block.label
          ? [new Paragraph({ keepNext: true, children: [new TextRun({ text: block.label, italics: true })] })]
          : []),
        ...paragraphsOf(block.text),
      ];
    case "fields":
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: BORDERS,
          rows: block.rows.map(
            ([label, value]) =>
              new TableRow({
                cantSplit: true,
                children: [textCell(label, { bold: true, fill: HEAD_FILL, width: 40 }), textCell(value, { width: 60 })],
              }),
          ),
        }),
        new Paragraph({ children: [] }),
      ];
    case "table":
      return [
        ...(block.caption
          ? [
              new Paragraph({
                keepNext: true,
                spacing: { before: 120, after: 120 },
                children: [new TextRun({ text: block.caption, bold: true })],
              }),
            ]
          : []),
        tableOf(block),
        new Paragraph({ children: [] }),
      ];
  }
}

function footer(locale: Locale): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [`${catalogue[locale].reportExport.page} `, PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

export async function reportDocx(document: ReportDocument, locale: Locale): Promise<Buffer> {
  const doc = new Document({
    creator: "Baara",
    title: document.title,
    sections: document.sections.map((section) => ({
      properties: {
        page: {
          // The library swaps width and height itself for a landscape page.
          size: {
            width: A4.short,
            height: A4.long,
            orientation: section.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
        },
      },
      footers: { default: footer(locale) },
      children: section.blocks.flatMap(blockOf),
    })),
  });
  return Packer.toBuffer(doc);
}
