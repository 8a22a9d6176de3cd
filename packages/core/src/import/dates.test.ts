import { describe, expect, it } from "vitest";
import { monthSequenceFromHeaders, parseDateCell, parseMonthHeader, parseQuarterHeader } from "./dates.ts";

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe("parseDateCell: exact days", () => {
  it("reads JS dates by their UTC parts", () => {
    expect(parseDateCell(new Date(Date.UTC(2024, 5, 21)), {})).toEqual({
      ok: true,
      date: "2024-06-21",
      text: null,
      months: [6],
    });
    expect(parseDateCell(new Date(Date.UTC(2022, 11, 31, 23, 59, 59)), {})).toMatchObject({
      date: "2022-12-31",
    });
    expect(parseDateCell(new Date(Date.UTC(2024, 1, 29)), {})).toMatchObject({
      date: "2024-02-29",
      months: [2],
    });
  });

  it("rejects an invalid Date", () => {
    expect(parseDateCell(new Date(Number.NaN), {})).toEqual({ ok: false, text: "Invalid Date" });
  });

  it.each([
    [44621, "2022-03-01"],
    [44562, "2022-01-01"],
    [45464, "2024-06-21"],
    [45351, "2024-02-29"],
    [44621.75, "2022-03-01"],
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [2_958_465, "9999-12-31"],
  ])("Excel serial %d → %s", (serial, expected) => {
    expect(parseDateCell(serial, {})).toEqual({
      ok: true,
      date: expected,
      text: null,
      months: [Number(expected.slice(5, 7))],
    });
  });

  it.each([[60], [0], [-5], [2_958_466], [Number.NaN]])("serial %d is not a day", (serial) => {
    expect(parseDateCell(serial, {})).toEqual({ ok: false, text: String(serial) });
  });

  it("reads a serial pasted as text", () => {
    expect(parseDateCell("44621", {})).toEqual({ ok: true, date: "2022-03-01", text: null, months: [3] });
  });

  it.each([
    ["2024-06-21", "2024-06-21"],
    ["2024-06-21T00:00:00.000Z", "2024-06-21"],
    ["2024-06-21 10:30", "2024-06-21"],
    ["2024-6-1", "2024-06-01"],
    ["21/06/2024", "2024-06-21"],
    ["21-06-2024", "2024-06-21"],
    ["21.06.2024", "2024-06-21"],
    ["1/6/2024", "2024-06-01"],
    ["21/06/24", "2024-06-21"],
    ["21/06/2024 00:00:00", "2024-06-21"],
    ["'21/06/2024", "2024-06-21"],
    ["29/02/2024", "2024-02-29"],
    ["27 janvier 2023", "2023-01-27"],
    ["27 Janvier 2023", "2023-01-27"],
    ["1er mars 2023", "2023-03-01"],
    ["1ᵉʳ mars 2023", "2023-03-01"],
    ["Le 06 juin 2023", "2023-06-06"],
    ["Le 10 novembre 2023", "2023-11-10"],
    ["30 avril 2024", "2024-04-30"],
    ["29 février 2024", "2024-02-29"],
    ["June 21, 2024", "2024-06-21"],
    ["June 21 2024", "2024-06-21"],
    ["21 June 2024", "2024-06-21"],
  ])("%j → %s", (input, expected) => {
    expect(parseDateCell(input, {})).toEqual({
      ok: true,
      date: expected,
      text: null,
      months: [Number(expected.slice(5, 7))],
    });
  });

  it.each([
    ["31/02/2024"],
    ["29/02/2023"],
    ["31/04/2024"],
    ["32/01/2024"],
    ["00/01/2024"],
    ["21/13/2024"],
    ["2024-02-30"],
    ["2024-13-01"],
    ["31 février 2024"],
    ["29 février 2023"],
    ["31 juin 2023"],
  ])("invalid day %j", (input) => {
    expect(parseDateCell(input, {})).toEqual({ ok: false, text: input });
  });
});

describe("parseDateCell: months", () => {
  it.each([
    ["fevrier 2022", "2022-02-28", [2]],
    ["février 2022", "2022-02-28", [2]],
    ["Février 2022", "2022-02-28", [2]],
    ["FEVRIER 2022", "2022-02-28", [2]],
    ["FÉVRIER 2022", "2022-02-28", [2]],
    ["fev. 2024", "2024-02-29", [2]],
    ["Fév 2024", "2024-02-29", [2]],
    ["févr. 2023", "2023-02-28", [2]],
    ["Janvier 2022", "2022-01-31", [1]],
    ["janvier 2022", "2022-01-31", [1]],
    ["juin 2022", "2022-06-30", [6]],
    ["Mars 2022", "2022-03-31", [3]],
    ["Avril 2022", "2022-04-30", [4]],
    ["Mar-22", "2022-03-31", [3]],
    ["Oct-22", "2022-10-31", [10]],
    ["Feb-24", "2024-02-29", [2]],
    ["Jan-2022", "2022-01-31", [1]],
    ["mar 2022", "2022-03-31", [3]],
    ["March 2022", "2022-03-31", [3]],
    ["Sept 2022", "2022-09-30", [9]],
    ["Sept. 2022", "2022-09-30", [9]],
    ["September 2022", "2022-09-30", [9]],
    ["May 2022", "2022-05-31", [5]],
    ["Mai 2022", "2022-05-31", [5]],
    ["août 2022", "2022-08-31", [8]],
    ["Juil. 2022", "2022-07-31", [7]],
    ["déc. 2022", "2022-12-31", [12]],
    ["  juin   2022  ", "2022-06-30", [6]],
    ["juin\u00a02022", "2022-06-30", [6]],
    ["06/2024", "2024-06-30", [6]],
    ["2024-06", "2024-06-30", [6]],
    ["Avril 2022 (10 jours)", "2022-04-30", [4]],
    ["Fin juin 2022", "2022-06-30", [6]],
    ["courant mars 2023", "2023-03-31", [3]],
    ["d'ici fin juin 2022", "2022-06-30", [6]],
    ["Mars, Juin 2022", "2022-06-30", [3, 6]],
    ["Mars et juin 2022", "2022-06-30", [3, 6]],
    ["janvier - mars 2023", "2023-03-31", [1, 2, 3]],
    ["de janvier à mars 2023", "2023-03-31", [1, 2, 3]],
    ["novembre 2022 - février 2023", "2023-02-28", [1, 2, 11, 12]],
  ])("%j → %s", (input, date, months) => {
    expect(parseDateCell(input, {})).toEqual({ ok: true, date, text: input.trim(), months });
  });

  it("takes a bare month's year from the options", () => {
    expect(parseDateCell("juin", { year: 2022 })).toEqual({
      ok: true,
      date: "2022-06-30",
      text: "juin",
      months: [6],
    });
    expect(parseDateCell("Février", { year: 2024 })).toEqual({
      ok: true,
      date: "2024-02-29",
      text: "Février",
      months: [2],
    });
    expect(parseDateCell("T3", { year: 2022 })).toEqual({
      ok: true,
      date: "2022-09-30",
      text: "T3",
      months: [7, 8, 9],
    });
  });

  it("keeps the months of a bare month when no year is known", () => {
    expect(parseDateCell("juin", {})).toEqual({ ok: true, date: null, text: "juin", months: [6] });
    expect(parseDateCell("juin")).toEqual({ ok: true, date: null, text: "juin", months: [6] });
  });

  it("prefers a written year to the options", () => {
    expect(parseDateCell("juin 2023", { year: 2022 })).toMatchObject({ date: "2023-06-30" });
  });

  it("keeps the text of a day whose year came from the options", () => {
    expect(parseDateCell("27 janvier", { year: 2023 })).toEqual({
      ok: true,
      date: "2023-01-27",
      text: "27 janvier",
      months: [1],
    });
  });
});

describe("parseDateCell: ranges", () => {
  it.each([
    ["Du 1er au 31 janvier 2023", "2023-01-31", [1]],
    ["du 1er au 31 Janvier 2023", "2023-01-31", [1]],
    ["Du 1^{er} au 31 janvier 2023", "2023-01-31", [1]],
    ["22 au 30 juin 2023", "2023-06-30", [6]],
    ["Du 08 au 10 mars 2023", "2023-03-10", [3]],
    ["Du 03 au 07 avril 2023", "2023-04-07", [4]],
    ["Du 19 au 24 juin 2023", "2023-06-24", [6]],
    ["Du 26 juin au 05 juillet 2023", "2023-07-05", [6, 7]],
    ["Du 01 janvier au 30 décembre 2023", "2023-12-30", ALL_MONTHS],
    ["Du 01 mars 2023 au 25 septembre 2023", "2023-09-25", [3, 4, 5, 6, 7, 8, 9]],
    // The "au" is missing: "du" still announces a range. The deadline is the day written.
    ["Du 1er avril 30 mai 2023", "2023-05-30", [4, 5]],
    ["14 au 19 avril 2023 19 au 25 juin 2023", "2023-06-25", [4, 6]],
    ["14-19 avril 2023", "2023-04-19", [4]],
    ["du 15 décembre au 15 janvier 2024", "2024-01-15", [1, 12]],
    ["15 décembre 2023 au 15 janvier 2024", "2024-01-15", [1, 12]],
    ["Du 01/03/2023 au 25/09/2023", "2023-09-25", [3, 4, 5, 6, 7, 8, 9]],
    ["du 1er au 5 mars et du 3 au 6 avril 2023", "2023-04-06", [3, 4]],
    ["Du 10 au 14 février 2024 jusqu'au 29 février 2024", "2024-02-29", [2]],
  ])("%j → %s", (input, date, months) => {
    expect(parseDateCell(input, {})).toEqual({ ok: true, date, text: input, months });
  });

  it("rejects a range that runs backwards or has an impossible day", () => {
    expect(parseDateCell("Du 30 juin 2023 au 1er avril 2023", {})).toMatchObject({ ok: false });
    expect(parseDateCell("Du 28 au 3 mars 2023", {})).toMatchObject({ ok: false });
    expect(parseDateCell("Du 1er au 31 avril 2023", {})).toMatchObject({ ok: false });
  });

  it("keeps the text of an open-ended range", () => {
    expect(parseDateCell("Du 1er janvier 2023", {})).toEqual({
      ok: true,
      date: "2023-01-01",
      text: "Du 1er janvier 2023",
      months: [1],
    });
  });
});

describe("parseDateCell: quarters, semesters and years", () => {
  it.each([
    ["T1 2022", "2022-03-31", [1, 2, 3]],
    ["Q1 2022", "2022-03-31", [1, 2, 3]],
    ["q1-2022", "2022-03-31", [1, 2, 3]],
    ["1er trimestre 2022", "2022-03-31", [1, 2, 3]],
    ["premier trimestre 2022", "2022-03-31", [1, 2, 3]],
    ["2e trimestre 2022", "2022-06-30", [4, 5, 6]],
    ["2ème trimestre 2022", "2022-06-30", [4, 5, 6]],
    ["3ème Trimestre 2022", "2022-09-30", [7, 8, 9]],
    ["4th quarter 2022", "2022-12-31", [10, 11, 12]],
    ["Quarter 4 2022", "2022-12-31", [10, 11, 12]],
    ["Trim. 2 2023", "2023-06-30", [4, 5, 6]],
    ["T1-T2 2022", "2022-06-30", [1, 2, 3, 4, 5, 6]],
    ["T1 et T3 2022", "2022-09-30", [1, 2, 3, 7, 8, 9]],
    ["S1 2022", "2022-06-30", [1, 2, 3, 4, 5, 6]],
    ["S2 2022", "2022-12-31", [7, 8, 9, 10, 11, 12]],
    ["H1 2022", "2022-06-30", [1, 2, 3, 4, 5, 6]],
    ["1er semestre 2022", "2022-06-30", [1, 2, 3, 4, 5, 6]],
    ["second semestre 2024", "2024-12-31", [7, 8, 9, 10, 11, 12]],
    ["2022", "2022-12-31", ALL_MONTHS],
    ["Année 2022", "2022-12-31", ALL_MONTHS],
    ["2022-2023", "2023-12-31", ALL_MONTHS],
    ["2022 T1", "2022-03-31", [1, 2, 3]],
  ])("%j → %s", (input, date, months) => {
    expect(parseDateCell(input, {})).toEqual({ ok: true, date, text: input, months });
  });

  it("reads a year typed as a number", () => {
    expect(parseDateCell(2022, {})).toEqual({
      ok: true,
      date: "2022-12-31",
      text: "2022",
      months: ALL_MONTHS,
    });
  });

  it.each([["T5 2022"], ["S3 2022"], ["0e trimestre 2022"]])("%j is not a period", (input) => {
    expect(parseDateCell(input, {})).toEqual({ ok: false, text: input });
  });
});

describe("parseDateCell: blank and unreadable", () => {
  it.each([[null], [undefined], [""], ["   "], ["-"], ["—"]])("%j is blank", (input) => {
    expect(parseDateCell(input, {})).toEqual({ ok: true, date: null, text: null, months: [] });
  });

  it.each([
    ["dès que possible"],
    ["Dès que possible"],
    ["permanent"],
    ["Permanent"],
    ["à partir de mars 2022"],
    ["continu"],
    ["PM"],
    ["Avril 2022 10 jours"],
    ["mars 2022 2023"],
    ["le 15"],
    ["1500"],
    ["123"],
    ["#N/A"],
  ])("%j is unreadable", (input) => {
    expect(parseDateCell(input, {})).toEqual({ ok: false, text: input });
  });

  it("reports the trimmed text", () => {
    expect(parseDateCell("  permanent ", {})).toEqual({ ok: false, text: "permanent" });
  });

  it("rejects booleans and unknown objects", () => {
    expect(parseDateCell(true, {})).toEqual({ ok: false, text: "true" });
  });

  it("reads ExcelJS formula results", () => {
    expect(
      parseDateCell({ formula: "EDATE(A1,1)", result: new Date(Date.UTC(2022, 2, 1)) }, {}),
    ).toMatchObject({
      date: "2022-03-01",
    });
    expect(parseDateCell({ richText: [{ text: "Mars " }, { text: "2022" }] }, {})).toMatchObject({
      date: "2022-03-31",
      text: "Mars 2022",
    });
  });
});

describe("parseDateCell: the PGSM 2022 work plan's deadlines", () => {
  it("reads every deadline of component B", () => {
    const cells = [
      "fevrier 2022",
      "Mar-22",
      "Janvier 2022",
      "juin 2022",
      "Oct-22",
      "janvier 2022",
      "Mar-22",
      "Mars 2022",
      "Mars 2022",
      "Janvier 2022",
      "juin 2022",
      "Mars 2022",
      "Avril 2022 (10 jours)",
      "",
      "Avril 2022",
    ];
    const dates = cells.map((c) => {
      const r = parseDateCell(c, {});
      return r.ok ? r.date : "unreadable";
    });
    expect(dates).toEqual([
      "2022-02-28",
      "2022-03-31",
      "2022-01-31",
      "2022-06-30",
      "2022-10-31",
      "2022-01-31",
      "2022-03-31",
      "2022-03-31",
      "2022-03-31",
      "2022-01-31",
      "2022-06-30",
      "2022-03-31",
      "2022-04-30",
      null,
      "2022-04-30",
    ]);
  });
});

describe("parseMonthHeader", () => {
  it.each([
    ["Janv.", 1],
    ["janvier", 1],
    ["Jan", 1],
    ["Fév.", 2],
    ["FEVRIER", 2],
    ["Mars", 3],
    ["Avr", 4],
    ["Mai", 5],
    ["May", 5],
    ["Juin", 6],
    ["Juil.", 7],
    ["Août", 8],
    ["Sept.", 9],
    ["Oct", 10],
    ["Nov.", 11],
    ["Déc.", 12],
    ["December", 12],
  ])("%j → %d", (input, month) => {
    expect(parseMonthHeader(input)).toBe(month);
  });

  it.each([["J"], ["M"], ["A"], ["Ju"], ["Ma"], [""], ["Budget"], ["T1"]])(
    "%j is not decidable alone",
    (input) => {
      expect(parseMonthHeader(input)).toBeNull();
    },
  );
});

describe("monthSequenceFromHeaders", () => {
  it("reads the initials of a calendar year", () => {
    expect(monthSequenceFromHeaders(["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"])).toEqual(
      ALL_MONTHS,
    );
    expect(monthSequenceFromHeaders(["j", " f ", "M.", "A", "m", "J", "J", "A", "S", "O", "N", "D"])).toEqual(
      ALL_MONTHS,
    );
  });

  it("reads names and abbreviations, mixed with initials", () => {
    const fr = [
      "Janv.",
      "Févr.",
      "Mars",
      "Avr.",
      "Mai",
      "Juin",
      "Juil.",
      "Août",
      "Sept.",
      "Oct.",
      "Nov.",
      "Déc.",
    ];
    const en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const full = [
      "janvier",
      "février",
      "mars",
      "avril",
      "mai",
      "juin",
      "juillet",
      "août",
      "septembre",
      "octobre",
      "novembre",
      "décembre",
    ];
    expect(monthSequenceFromHeaders(fr)).toEqual(ALL_MONTHS);
    expect(monthSequenceFromHeaders(en)).toEqual(ALL_MONTHS);
    expect(monthSequenceFromHeaders(full)).toEqual(ALL_MONTHS);
    expect(
      monthSequenceFromHeaders(["Jan", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "Dec"]),
    ).toEqual(ALL_MONTHS);
  });

  it("reads a fiscal year starting in July", () => {
    expect(monthSequenceFromHeaders(["J", "A", "S", "O", "N", "D", "J", "F", "M", "A", "M", "J"])).toEqual([
      7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6,
    ]);
  });

  it("rejects anything else", () => {
    expect(monthSequenceFromHeaders(["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N"])).toBeNull();
    expect(
      monthSequenceFromHeaders(["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D", "X"]),
    ).toBeNull();
    expect(monthSequenceFromHeaders(["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "D", "N"])).toBeNull();
    expect(monthSequenceFromHeaders(["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", ""])).toBeNull();
    expect(
      monthSequenceFromHeaders(["Jan", "Mar", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"]),
    ).toBeNull();
    expect(monthSequenceFromHeaders([])).toBeNull();
  });
});

describe("parseQuarterHeader", () => {
  it.each([
    ["Q1", 1],
    ["Q 2", 2],
    ["T1", 1],
    ["t3", 3],
    ["Trim 1", 1],
    ["Trim. 2", 2],
    ["Trimestre 3", 3],
    ["1er trimestre", 1],
    ["1er Trimestre", 1],
    ["2ème trimestre", 2],
    ["2e trimestre", 2],
    ["troisième trimestre", 3],
    ["4e trimestre", 4],
    ["Quarter 1", 1],
    ["1st quarter", 1],
    ["Q4 2024", 4],
    ["T2-2024", 2],
  ])("%j → %d", (input, quarter) => {
    expect(parseQuarterHeader(input)).toBe(quarter);
  });

  it.each([
    ["Q5"],
    ["T0"],
    ["S1"],
    ["1er semestre"],
    ["janvier"],
    ["Trimestre"],
    ["Q1-Q2"],
    [""],
    ["Budget"],
  ])("%j is not a quarter", (input) => {
    expect(parseQuarterHeader(input)).toBeNull();
  });
});
