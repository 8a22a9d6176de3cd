// The minutes of a committee session, in the layout of the technical
// committee's minutes: title, date and place, context, the agenda as a table,
// the discussion points and decisions per item (the follow-up item with its
// table of the earlier recommendations), the action points as a table and the
// participant list. The session as the API gives it is all it reads.
import type * as api from "../api/index.ts";
import { formatDate } from "../format.ts";
import { catalogue, type Locale } from "../i18n/messages.ts";
import type { ReportBlock, ReportDocument } from "./document.ts";
import { fill, narrativeBlocks } from "./shared.ts";

const two = (n: number) => String(n).padStart(2, "0");

export function minutesDocument(meeting: api.Meeting, locale: Locale): ReportDocument {
  const words = catalogue[locale].committeeExport;
  const terms = catalogue[locale];
  const subtitle = fill(words.minutesTitle, {
    body: meeting.bodyName.toLocaleLowerCase(locale),
    date: formatDate(meeting.date, locale),
  });
  const table = (sheet: string, headers: [string, number][], rows: string[][]): Extract<ReportBlock, { kind: "table" }> => ({
    kind: "table",
    sheet,
    columns: headers.map(([header, width]) => ({ header, width })),
    rows: rows.map((cells) => ({ cells })),
  });
  const blocks: ReportBlock[] = [
    { kind: "title", text: meeting.title },
    { kind: "paragraph", text: subtitle, bold: true },
    ...(meeting.place ? [{ kind: "paragraph" as const, text: fill(words.place, { place: meeting.place }) }] : []),
    ...narrativeBlocks("context", meeting.context ?? undefined),
    { kind: "heading", level: 2, text: words.agenda },
    table(
      words.agenda,
      [
        [words.number, 10],
        [words.point, 90],
      ],
      meeting.agenda.map((item, i) => [two(i + 1), item.title]),
    ),
    { kind: "heading", level: 2, text: words.discussion },
    ...meeting.agenda.flatMap((item): ReportBlock[] => [
      { kind: "heading", level: 3, text: item.title },
      ...(item.kind === "follow_up" && meeting.followUps.length > 0
        ? [
            table(
              words.followUp,
              [
                [words.number, 6],
                [words.recommendation, 40],
                [words.responsibleStructures, 20],
                [words.situation, 14],
                [words.comments, 20],
              ],
              meeting.followUps.map((r, i) => [
                two(i + 1),
                r.text,
                r.responsibleStructures.join(", "),
                terms.recommendationStatus[r.status],
                r.followedHere?.comment ?? "",
              ]),
            ),
          ]
        : []),
      ...narrativeBlocks(`minutes.${item.id}`, item.minutes ?? undefined),
      ...(item.decisions
        ? [
            { kind: "paragraph" as const, text: words.decisions, bold: true },
            ...narrativeBlocks(`decisions.${item.id}`, item.decisions),
          ]
        : []),
    ]),
    { kind: "heading", level: 2, text: words.actionPoints },
    table(
      words.actionPoints,
      [
        [words.number, 6],
        [words.action, 44],
        [words.responsible, 20],
        [words.dueDate, 12],
        [words.comments, 18],
      ],
      meeting.recommendations.map((r) => [
        two(r.number),
        r.text,
        r.responsibleStructures.join(", "),
        r.dueDate ? formatDate(r.dueDate, locale) : "",
        r.lastComment ?? "",
      ]),
    ),
    { kind: "heading", level: 2, text: words.participants },
    table(
      words.participants,
      [
        [words.number, 5],
        [words.name, 20],
        [words.function, 18],
        [words.structure, 15],
        [words.phone, 12],
        [words.email, 18],
        [words.attendance, 12],
      ],
      meeting.participants.map((p, i) => [
        two(i + 1),
        p.name,
        p.function ?? "",
        p.structure ?? "",
        p.phone ?? "",
        p.email ?? "",
        terms.attendanceStatus[p.status] + (p.representedBy ? ` (${p.representedBy})` : ""),
      ]),
    ),
  ];
  return { title: subtitle, fileStem: `${words.fileMinutes}-${meeting.date}`, sections: [{ blocks }] };
}
