// The minutes of a session as a Word document, in the layout of the technical
// committee's minutes: title, date and place, context, the agenda as a table,
// the discussion points and decisions per item, the action points as a table
// (n°, point, action, responsible, comment) and the participant list. Real
// Word tables whose header rows repeat on each page, and page numbers.
import { type api, catalogue, formatDate, type Locale } from "@baara/core";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

const HEAD_FILL = "DCE6F1";
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

const two = (n: number) => String(n).padStart(2, "0");

function cell(text: string, options: { bold?: boolean; head?: boolean; width?: number } = {}): TableCell {
  const lines = text.split("\n");
  return new TableCell({
    children: lines.map(
      (line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold ?? options.head ?? false })] }),
    ),
    ...(options.head ? { shading: { type: ShadingType.CLEAR, fill: HEAD_FILL, color: "auto" } } : {}),
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
  });
}

/** A table whose first row is its header, repeated at the top of every page it runs onto. */
export function wordTable(headers: string[], rows: string[][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, { head: true, width: widths[i] })) }),
      ...rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, { width: widths[i] })) }),
      ),
    ],
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
  // A heading stays with what follows it: never alone at the foot of a page.
  new Paragraph({
    heading: level,
    keepNext: true,
    keepLines: true,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text })],
  });

const paragraphs = (text: string | null) =>
  (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) =>
      line.startsWith("- ")
        ? new Paragraph({ bullet: { level: 0 }, children: [new TextRun(line.slice(2))] })
        : new Paragraph({ children: [new TextRun(line)] }),
    );

/** A footer « Page n / total », centred. */
export function pageFooter(locale: Locale): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [`${catalogue[locale].committeeExport.page} `, PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

export async function minutesDocx(meeting: api.Meeting, locale: Locale): Promise<Buffer> {
  const words = catalogue[locale].committeeExport;
  const terms = catalogue[locale];
  const title = words.minutesTitle
    .replace("{{body}}", meeting.bodyName.toLocaleLowerCase(locale))
    .replace("{{date}}", formatDate(meeting.date, locale));
  const regular = meeting.agenda;
  const actions = meeting.recommendations;
  const children = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: meeting.title })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: title, bold: true })],
    }),
    ...(meeting.place ? [new Paragraph({ children: [new TextRun(words.place.replace("{{place}}", meeting.place))] })] : []),
    ...paragraphs(meeting.context),
    heading(words.agenda),
    wordTable(
      [words.number, words.point],
      regular.map((item, i) => [two(i + 1), item.title]),
      [10, 90],
    ),
    heading(words.discussion),
    ...regular.flatMap((item) => [
      heading(item.title, HeadingLevel.HEADING_3),
      ...(item.kind === "follow_up" && meeting.followUps.length > 0
        ? [
            wordTable(
              [words.number, words.recommendation, words.responsibleStructures, words.situation, words.comments],
              meeting.followUps.map((r, i) => [
                two(i + 1),
                r.text,
                r.responsibleStructures.join(", "),
                terms.recommendationStatus[r.status],
                r.followedHere?.comment ?? "",
              ]),
              [6, 40, 20, 14, 20],
            ),
          ]
        : []),
      ...paragraphs(item.minutes),
      ...(item.decisions
        ? [new Paragraph({ children: [new TextRun({ text: words.decisions, bold: true })] }), ...paragraphs(item.decisions)]
        : []),
    ]),
    heading(words.actionPoints),
    wordTable(
      [words.number, words.action, words.responsible, words.dueDate, words.comments],
      actions.map((r) => [
        two(r.number),
        r.text,
        r.responsibleStructures.join(", "),
        r.dueDate ? formatDate(r.dueDate, locale) : "",
        r.lastComment ?? "",
      ]),
      [6, 44, 20, 12, 18],
    ),
    heading(words.participants),
    wordTable(
      [words.number, words.name, words.function, words.structure, words.phone, words.email, words.attendance],
      meeting.participants.map((p, i) => [
        two(i + 1),
        p.name,
        p.function ?? "",
        p.structure ?? "",
        p.phone ?? "",
        p.email ?? "",
        terms.attendanceStatus[p.status] + (p.representedBy ? ` (${p.representedBy})` : ""),
      ]),
      [5, 20, 18, 15, 12, 18, 12],
    ),
  ];
  const document = new Document({
    creator: "Baara",
    title,
    sections: [{ properties: {}, footers: { default: pageFooter(locale) }, children }],
  });
  return Packer.toBuffer(document);
}
