// Turns a work-plan sheet (PTBA, PTA, AWP…) into the plan model. Declared
// figures are kept as declared; every disagreement becomes an issue with its
// sheet row and column.
import { type CurrencyCode, formatAmountDecimal } from "../money.ts";
import { type ColumnField, type ColumnMapping, type ColumnRole, columnOf, detectColumns } from "./columns.ts";
import { parseDateCell } from "./dates.ts";
import { type CellValue, cellText, columnLetter, type Grid, isBlank, normalise } from "./grid.ts";
import {
  isSignatureText,
  parseHierarchyText,
  parseTotalText,
  splitAccount,
  splitCode,
  stripActivityPrefix,
} from "./hierarchy.ts";
import type { ImportedActivity, ImportedLine, ImportedPlan, ImportIssue } from "./model.ts";
import { isPmMarker, parseNumberCell, toMinorUnits } from "./numbers.ts";

export class NotAWorkPlanError extends Error {
  constructor(readonly reason: "NO_HEADER" | "NO_ACTIVITY") {
    super(reason);
  }
}

export interface InterpretOptions {
  currency?: CurrencyCode;
  year?: number;
  /** Column roles chosen by the user, overriding the detected ones. */
  roles?: ColumnRole[];
  /** The project's level names, recognised as hierarchy rows ("Axe 2 : …") in this order. */
  levelLabels?: readonly string[];
}

interface Group {
  key: string;
  rank: number;
  label: string | null;
  code: string;
  title: string;
  row: number;
  parentKey: string | null;
  /** Text as found, to recognise a merged cell repeated on the next rows. */
  source: string;
}

const OBJECTIVE_RANK = 20;
const RESULT_RANK = 40;
const MONEY_FIELDS: ColumnField[] = ["quantity", "unitCost", "amount"];
const DETAIL_FIELDS: ColumnField[] = ["indicator", "deadline", "responsible", "fundCode", "budgetDescription", "lineDescription", "unit"];

export function interpretGrid(grid: Grid, options: InterpretOptions = {}): ImportedPlan {
  const detected = detectColumns(grid);
  if (!detected) throw new NotAWorkPlanError("NO_HEADER");
  const mapping: ColumnMapping = options.roles ? { ...detected, roles: options.roles } : detected;
  if (columnOf(mapping, "activity") < 0) throw new NotAWorkPlanError("NO_HEADER");
  const currency = options.currency ?? mapping.currencyHint ?? "XOF";
  const issues: ImportIssue[] = [];
  const issue = (i: Omit<ImportIssue, "declared" | "computed" | "params"> & Partial<ImportIssue>) =>
    issues.push({ declared: null, computed: null, params: {}, ...i });

  mapping.headers.forEach((header, c) => {
    if (header && mapping.roles[c]?.kind === "ignored") {
      issue({ code: "UNKNOWN_COLUMN", severity: "info", row: (mapping.headerRows[0] ?? 0) + 1, column: columnLetter(c), params: { header } });
    }
  });

  const col = (field: ColumnField) => columnOf(mapping, field);
  const monthColumns = mapping.roles.flatMap((r, c) => (r.kind === "month" ? [[c, r.month] as const] : []));
  const quarterColumns = mapping.roles.flatMap((r, c) => (r.kind === "quarter" ? [[c, r.quarter] as const] : []));
  // A repeated header shows one label per field column; months and quarters sit under one merged label (CHRONOGRAMME).
  const headerCount = mapping.roles.filter((r) => r.kind === "field").length;

  const groups: Group[] = [];
  const stack: Group[] = [];
  const activities: (ImportedActivity & { absorbs: boolean })[] = [];
  const lines: ImportedLine[] = [];
  const declaredTotals: ImportedPlan["declaredTotals"] = [];
  let declaredTotal: ImportedPlan["declaredTotal"] = null;
  let declaredFunded: ImportedPlan["declaredFunded"] = null;
  let declaredUnfunded: ImportedPlan["declaredUnfunded"] = null;
  // An "Activité : …" row without money heads the rows below it that carry no such prefix (PGSM layout).
  let current: (ImportedActivity & { absorbs: boolean }) | null = null;
  const deadlines: { activity: ImportedActivity; value: CellValue; row: number; column: number }[] = [];

  const openGroup = (rank: number, label: string | null, code: string, title: string, row: number, source: string) => {
    while (stack.length > 0 && (stack[stack.length - 1]?.rank ?? 0) >= rank) stack.pop();
    const parentKey = stack[stack.length - 1]?.key ?? null;
    const existing = groups.find((g) => g.code === code && g.parentKey === parentKey && g.rank === rank);
    const group = existing ?? { key: `g${groups.length + 1}`, rank, label, code, title, row, parentKey, source };
    if (!existing) groups.push(group);
    stack.push(group);
    current = null;
    return group;
  };

  const firstDataRow = Math.max(...mapping.headerRows) + 1;
  const outputColumn = groupColumnOf(grid, mapping, firstDataRow);
  const levelColumns = [
    { column: col("objective"), rank: OBJECTIVE_RANK, label: "Objectif" },
    { column: col("result"), rank: RESULT_RANK, label: "Résultat" },
    ...(outputColumn >= 0 && outputColumn !== col("result") ? [{ column: outputColumn, rank: RESULT_RANK, label: "Produit" }] : []),
  ].filter((level) => level.column >= 0);

  const activityCodeDepth = usualCodeDepth(grid, col("activity"), firstDataRow);
  const headerRowTexts = mapping.headerRows.map((h) => (grid.rows[h] ?? []).map((v) => normalise(cellText(v))));
  const headerWords = mapping.headers.map((h) => (h ? normalise(h.split(" / ")[0] ?? "") : ""));
  const lastRow = grid.rows.length;
  rows: for (let r = firstDataRow; r < lastRow; r++) {
    const sheetRow = r + 1;
    const shifted = realignedRow(grid.rows[r] ?? [], mapping, activityCodeDepth);
    const cells = shifted?.cells ?? grid.rows[r] ?? [];
    if (cells.every((v) => isBlank(v))) continue;
    if (shifted) {
      issue({ code: "SHIFTED_ROW", severity: "info", row: sheetRow, column: columnLetter(shifted.from),
        params: { text: cellText(cells[col("activity")]) } });
    }
    const at = (c: number): CellValue => (c >= 0 ? (cells[c] ?? null) : null);
    const text = (field: ColumnField) => (col(field) === outputColumn ? "" : cellText(at(col(field))));
    // Shading marks a month only when the row is not shaded as a whole (group and total rows are).
    const fills = grid.filled?.[r] ?? [];
    const shadedRow = fills.length > 0 && mapping.roles.every((role, c) => role.kind === "ignored" || fills[c] === true);
    const marked = (c: number) => !isBlank(at(c)) || (!shadedRow && fills[c] === true);

    // Page breaks repeat the table header.
    const repeated = headerWords.filter((h, c) => h && normalise(cellText(at(c))) === h).length;
    if (repeated >= Math.max(2, Math.ceil(headerCount / 2))) continue;
    if (monthColumns.length > 0 && monthColumns.every(([c]) => cellText(at(c)).length === 1) && isBlank(at(col("activity")))) {
      continue;
    }
    // …and its second row (Q1…Q4, 1er trimestre…) as it was.
    if (headerRowTexts.some((header) => repeatsHeader(cells, header))) continue;

    // The row's words, amounts typed as text left out: a row's kind comes from them, whatever their column.
    const labels = cells.map((v) => cellText(v)).filter((t) => t !== "" && !isNumberText(t));
    if (isSignatureText(labels[0] ?? "")) break rows;

    const totalLabel = labels.find((t) => parseTotalText(t) !== null);
    const total = totalLabel ? parseTotalText(totalLabel) : null;
    // A total row holds its label and figures only (and the title of its group, repeated down a column).
    const openSources = new Set(stack.map((g) => g.source));
    if (total && labels.every((t) => t === totalLabel || openSources.has(t))) {
      const declared = declaredAmount(cells, col("amount"), mapping, currency);
      if (declared && "fractional" in declared) {
        issue({ code: "DECIMAL_AMOUNT", severity: "error", row: sheetRow, column: columnLetter(declared.column),
          params: { text: declared.fractional, currency } });
        continue;
      }
      if (!declared) continue;
      const figure = { amount: declared.amount, row: sheetRow, column: columnLetter(declared.column) };
      if (total.kind === "funded") declaredFunded = figure;
      else if (total.kind === "unfunded") declaredUnfunded = figure;
      else {
        const named = total.names ? groups.find((g) => normalise(g.code) === normalise(total.names ?? "")) : undefined;
        const target = named ?? (total.kind === "subtotal" ? subtotalTarget(groups, stack) : undefined);
        const earlier = target ? declaredTotals.find((d) => d.nodeKey === target.key) : undefined;
        // A group's sub-total given twice (the group repeated further down): the first one counts.
        if (target && earlier) {
          issue({ code: "REPEATED_SUBTOTAL", severity: "warning", row: sheetRow, column: figure.column, declared: figure.amount,
            params: { code: target.code, firstRow: earlier.row } });
        } else if (target) declaredTotals.push({ ...figure, nodeKey: target.key });
        else if (total.kind === "total") declaredTotal = figure;
        else issue({ code: "UNMATCHED_TOTAL", severity: "warning", row: sheetRow, column: figure.column, declared: figure.amount });
      }
      continue;
    }

    // Objective, result and output columns (CPS, AWP layouts): a new text opens a level; merged cells repeat it.
    for (const { column, rank, label } of levelColumns) {
      const value = cellText(at(column));
      if (!value) continue;
      const open = [...stack].reverse().find((g) => g.rank === rank);
      if (open && open.source === value) continue;
      // "Output 1: title" and its baseline, indicators and targets on the lines below: the first line names the group.
      const heading = value.split("\n")[0] ?? value;
      const named = parseHierarchyText(heading, options.levelLabels);
      const { code, title } = named ?? splitCode(heading);
      if (!code && open && /^[a-zà-ÿ]/.test(value)) {
        open.title = `${open.title} ${value}`; // a cell wrapped over a page break
        continue;
      }
      openGroup(rank, named?.label ?? label, code ?? String(groups.length + 1), title, sheetRow, value);
    }

    // A row merged across the sheet keeps its text in its first cell, whatever that column is.
    const texts = cells.map((v) => cellText(v)).filter((t) => t !== "");
    const activityText = text("activity") || (texts.length === 1 && parseHierarchyText(texts[0] ?? "", options.levelLabels) ? (texts[0] ?? "") : "");
    // Such a row's text is its only cell, even when that cell's column holds details elsewhere (AWP: EXPECTED OUTPUTS).
    const mergedHeading = activityText !== "" && !text("activity");
    const hasMoney = MONEY_FIELDS.some((f) => !isBlank(at(col(f))));
    const hasDetails =
      DETAIL_FIELDS.some((f) => !isBlank(at(col(f))))
      || monthColumns.some(([c]) => marked(c))
      || quarterColumns.some(([c]) => marked(c));

    if (activityText && !hasMoney && (!hasDetails || mergedHeading)) {
      const level = parseHierarchyText(activityText, options.levelLabels);
      if (level && !stripActivityPrefix(activityText).prefixed) {
        openGroup(level.rank, level.label, level.code, level.title, sheetRow, activityText);
        continue;
      }
      if (current && /^[a-zà-ÿ(]/.test(activityText) && !stripActivityPrefix(activityText).prefixed) {
        current.title = `${current.title} ${activityText}`; // text wrapped onto the next row
        continue;
      }
    }

    const startsActivity = activityText !== "" && !(current?.absorbs && !stripActivityPrefix(activityText).prefixed);
    if (startsActivity) {
      const { title, prefixed } = stripActivityPrefix(activityText);
      const { code, title: bare } = splitCode(title);
      const explicitCode = text("code");
      current = {
        key: `a${activities.length + 1}`,
        nodeKey: stack[stack.length - 1]?.key ?? null,
        code: explicitCode || code,
        title: bare || title,
        outputIndicator: text("indicator") || null,
        deadline: null,
        deadlineText: null,
        months: [],
        responsible: text("responsible") || null,
        comments: text("comments") || null,
        noCost: false,
        row: sheetRow,
        absorbs: prefixed && !hasMoney,
      };
      activities.push(current);
    } else if (!current) {
      issue({ code: "EMPTY_ACTIVITY", severity: "error", row: sheetRow, column: columnLetter(col("activity")) });
      continue;
    }
    const activity = current;
    if (!activity) continue;
    if (!startsActivity) {
      activity.responsible ??= text("responsible") || null;
      const comment = text("comments");
      if (comment && comment !== activity.comments) activity.comments = activity.comments ? `${activity.comments}\n${comment}` : comment;
    }
    for (const [c, month] of monthColumns) if (marked(c)) activity.months.push(month);
    for (const [c, quarter] of quarterColumns) {
      if (marked(c)) activity.months.push(quarter * 3 - 2, quarter * 3 - 1, quarter * 3);
    }
    if (!isBlank(at(col("deadline")))) deadlines.push({ activity, value: at(col("deadline")), row: sheetRow, column: col("deadline") });

    const amountCell = at(col("amount"));
    if (isPmMarker(amountCell)) {
      activity.noCost = true;
      continue;
    }
    if (!hasMoney && !text("budgetDescription") && !text("fundCode") && !text("lineDescription")) continue;

    const money = (field: "unitCost" | "amount") => {
      const c = col(field);
      const parsed = parseNumberCell(at(c));
      if (!parsed.ok) {
        issue({ code: "UNPARSEABLE_NUMBER", severity: "error", row: sheetRow, column: columnLetter(c), params: { text: parsed.text } });
        return null;
      }
      if (parsed.value === null) return null;
      if (parsed.value.startsWith("-")) {
        issue({ code: "NEGATIVE_AMOUNT", severity: "error", row: sheetRow, column: columnLetter(c), declared: parsed.value });
        return null;
      }
      const minor = toMinorUnits(parsed.value, currency, mapping.scales[c] ?? 1);
      if (!minor.ok) {
        // Cents in a currency without them (1 699 285,76 F CFA): the sheet's currency is likely another one.
        const code = minor.reason === "precision" ? "DECIMAL_AMOUNT" : "UNPARSEABLE_NUMBER";
        issue({ code, severity: "error", row: sheetRow, column: columnLetter(c), params: { text: cellText(at(c)), currency } });
        return null;
      }
      return formatAmountDecimal(minor.value, currency);
    };
    const quantity = (() => {
      const c = col("quantity");
      const parsed = parseNumberCell(at(c));
      if (!parsed.ok || (parsed.value !== null && (!/^\d{1,12}(\.\d{1,3})?$/.test(parsed.value) || parsed.percent))) {
        issue({ code: "UNPARSEABLE_NUMBER", severity: "error", row: sheetRow, column: columnLetter(c), params: { text: cellText(at(c)) } });
        return null;
      }
      return parsed.value;
    })();
    const account = splitAccount(text("budgetDescription"));
    lines.push({
      key: `l${lines.length + 1}`,
      activityKey: activity.key,
      description: text("lineDescription") || (startsActivity ? null : activityText || text("indicator") || null),
      ...account,
      fundCode: text("fundCode") || null,
      quantity,
      unit: text("unit") || null,
      unitCost: money("unitCost"),
      amount: money("amount"),
      funded: true,
      row: sheetRow,
    });
  }

  if (activities.length === 0) throw new NotAWorkPlanError("NO_ACTIVITY");
  const year = options.year ?? inferYear(deadlines.map((d) => d.value)) ?? new Date().getUTCFullYear();
  for (const { activity, value, row, column } of deadlines) {
    const parsed = parseDateCell(value, { year });
    if (!parsed.ok) {
      issue({ code: "UNPARSEABLE_DATE", severity: "warning", row, column: columnLetter(column), params: { text: parsed.text } });
      activity.deadlineText = joinText(activity.deadlineText, parsed.text);
      continue;
    }
    if (parsed.date && (!activity.deadline || parsed.date > activity.deadline)) activity.deadline = parsed.date;
    if (parsed.text) activity.deadlineText = joinText(activity.deadlineText, parsed.text);
    // Without a chronogram, the deadline's months are the timeframe.
    const chronogram = monthColumns.length > 0 || quarterColumns.length > 0;
    if (parsed.months.length > 0 && !chronogram) activity.months.push(...parsed.months);
  }
  for (const activity of activities) activity.months = [...new Set(activity.months)].sort((a, b) => a - b);
  describeLines(activities, lines);

  // A sheet that covers one top group names its total after it ("TOTAL COMPOSANTE B").
  const roots = groups.filter((g) => g.parentKey === null);
  const rootTotal = roots.length === 1 ? declaredTotals.find((d) => d.nodeKey === roots[0]?.key) : undefined;
  if (!declaredTotal && rootTotal) declaredTotal = { amount: rootTotal.amount, row: rootTotal.row, column: rootTotal.column };

  const depth = new Map<string, number>();
  for (const g of groups) depth.set(g.key, g.parentKey ? (depth.get(g.parentKey) ?? 0) + 1 : 0);
  const levelCount = Math.max(0, ...depth.values()) + (groups.length > 0 ? 1 : 0);
  const levelLabels = Array.from({ length: levelCount }, (_, level) => {
    const named = groups.find((g) => depth.get(g.key) === level && g.label);
    return named?.label ?? (groups.some((g) => depth.get(g.key) === level) ? "Action" : `Niveau ${level + 1}`);
  });

  return {
    sheet: grid.name,
    mapping,
    currency,
    year,
    levelLabels,
    nodes: groups.map((g) => ({
      key: g.key,
      parentKey: g.parentKey,
      level: depth.get(g.key) ?? 0,
      code: g.code,
      title: g.title,
      row: g.row,
    })),
    activities: activities.map(({ absorbs: _absorbs, ...a }) => a),
    lines,
    declaredTotals,
    declaredTotal,
    declaredFunded,
    declaredUnfunded,
    issues,
  };
}

const OUTPUT_HEADER = /\b(outputs?|produits?|resultats?)\b/;

/**
 * The column that holds the groups' titles when its header names outputs (AWP: EXPECTED OUTPUTS; "Produits attendus"):
 * a column mapped to result, or one mapped to indicators whose texts change only from one sub-total to the next
 * (per-activity indicators change within a group). -1 when there is none.
 */
function groupColumnOf(grid: Grid, mapping: ColumnMapping, firstDataRow: number): number {
  const result = columnOf(mapping, "result");
  if (result >= 0) return result;
  const column = columnOf(mapping, "indicator");
  if (column < 0 || !OUTPUT_HEADER.test(normalise(mapping.headers[column] ?? ""))) return -1;
  const activity = columnOf(mapping, "activity");
  const header = normalise(mapping.headers[column]?.split(" / ")[0] ?? "");
  let previous = "";
  let activities = 0;
  // New texts of the column between one sub-total and the next.
  const segments = [0];
  for (let r = firstDataRow; r < grid.rows.length; r++) {
    const texts = (grid.rows[r] ?? []).map((v) => cellText(v));
    if (isSignatureText(texts.find((t) => t !== "") ?? "")) break;
    if (texts.some((t) => parseTotalText(t)?.kind === "subtotal")) {
      segments.push(0);
      continue;
    }
    if (texts[activity]) activities++;
    const value = texts[column] ?? "";
    // A page break's repeated header is no group.
    if (!value || value === previous || parseTotalText(value) || normalise(value) === header) continue;
    previous = value;
    segments[segments.length - 1] = (segments[segments.length - 1] ?? 0) + 1;
  }
  const newTexts = segments.reduce((a, b) => a + b, 0);
  if (newTexts === 0) return -1;
  return segments.length > 1 ? (segments.every((n) => n <= 1) ? column : -1) : newTexts < activities ? column : -1;
}

/** An unnamed sub-total closes the nearest open group that holds other groups (Sous-composante over its actions), else the nearest. */
function subtotalTarget(groups: Group[], stack: Group[]): Group | undefined {
  const parents = new Set(groups.map((g) => g.parentKey));
  return [...stack].reverse().find((g) => parents.has(g.key)) ?? stack[stack.length - 1];
}

/** The number of parts of most activity codes (1.1.2 → 3), or 0 when the activities carry none. */
function usualCodeDepth(grid: Grid, activityColumn: number, firstDataRow: number): number {
  const counts = new Map<number, number>();
  for (let r = firstDataRow; r < grid.rows.length; r++) {
    const code = splitCode(cellText(grid.rows[r]?.[activityColumn])).code;
    if (code) counts.set(code.split(".").length, (counts.get(code.split(".").length) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

const isMoneyLike = (value: CellValue | undefined) => {
  if (isPmMarker(value)) return true;
  const parsed = parseNumberCell(value ?? null);
  return parsed.ok && parsed.value !== null;
};

/**
 * A row copied from a Word table whose vertically merged cells (objective, result) were left out: its activity,
 * with a code of the activities' depth, sits left of the activity column, and its cost left of the amount column.
 * Gives the row with its cells put back under their headers, or null for a row that is in place.
 */
function realignedRow(cells: CellValue[], mapping: ColumnMapping, depth: number): { cells: CellValue[]; from: number } | null {
  const activity = columnOf(mapping, "activity");
  const amount = columnOf(mapping, "amount");
  if (depth === 0 || activity <= 0 || amount <= activity || !isBlank(cells[amount])) return null;
  if (splitCode(cellText(cells[activity])).code) return null;
  const from = cells.findIndex((v) => !isBlank(v));
  if (from < 0 || from >= activity) return null;
  const code = splitCode(cellText(cells[from])).code;
  if (!code || code.split(".").length !== depth) return null;
  const money = cells.findIndex((v, c) => c > from && c < amount && isMoneyLike(v));
  if (money < 0) return null;
  // The cells after the activity moved left as much as the cost did.
  const tail = amount - money;
  const realigned: CellValue[] = Array.from({ length: cells.length + tail }, () => null);
  realigned[activity] = cells[from] ?? null;
  for (let c = from + 1; c < cells.length; c++) {
    if (!isBlank(cells[c])) realigned[c + tail] = cells[c] ?? null;
  }
  return { cells: realigned, from };
}

/** A row whose every text is its column's text in a header row, two at least. */
function repeatsHeader(cells: CellValue[], header: string[]): boolean {
  let same = 0;
  for (let c = 0; c < cells.length; c++) {
    const text = normalise(cellText(cells[c]));
    if (!text) continue;
    if (text !== header[c]) return false;
    same++;
  }
  return same >= 2;
}

function isNumberText(text: string): boolean {
  const parsed = parseNumberCell(text);
  return parsed.ok && parsed.value !== null;
}

/** The figure of a total row: in the amount column, else its rightmost number; a figure with cents the currency lacks is told apart. */
function declaredAmount(cells: CellValue[], amountColumn: number, mapping: ColumnMapping, currency: CurrencyCode) {
  const candidates = amountColumn >= 0 && !isBlank(cells[amountColumn]) ? [amountColumn] : [...cells.keys()].reverse();
  let fractional: { fractional: string; column: number } | null = null;
  for (const c of candidates) {
    const parsed = parseNumberCell(cells[c] ?? null);
    if (!parsed.ok || parsed.value === null || parsed.percent) continue;
    const minor = toMinorUnits(parsed.value, currency, mapping.scales[c] ?? 1);
    if (minor.ok) return { amount: formatAmountDecimal(minor.value, currency), column: c };
    if (minor.reason === "precision") fractional ??= { fractional: cellText(cells[c]), column: c };
  }
  return fractional;
}

/**
 * Names every line. A line row's own text describes it; the first of several lines without one takes the activity's
 * indicator. A line still without a name (most often the activity's own row, holding its cost) takes the activity's
 * title rather than being flagged: that is what the sheet means, it is not a mistake to correct, and a budget line
 * is followed on its own later (editor, comparison, csv, payments), where a blank label tells it from no other. A line
 * named by its account ("Local Consultants - 71300") keeps that name in its account columns.
 */
function describeLines(activities: ImportedActivity[], lines: ImportedLine[]): void {
  // Grouped once: a filter per activity made large sheets quadratic (44 000 rows took 36 s).
  const byActivity = new Map<string, ImportedLine[]>();
  for (const line of lines) {
    const own = byActivity.get(line.activityKey);
    if (own) own.push(line);
    else byActivity.set(line.activityKey, [line]);
  }
  for (const activity of activities) {
    const own = byActivity.get(activity.key) ?? [];
    const first = own[0];
    if (own.length >= 2 && first && first.description === null) first.description = activity.outputIndicator;
    for (const line of own) {
      if (line.description === null && line.accountLabel === null && line.accountCode === null) line.description = activity.title;
    }
  }
}

function inferYear(values: CellValue[]): number | null {
  const counts = new Map<number, number>();
  for (const value of values) {
    const parsed = parseDateCell(value, {});
    const year = parsed.ok && parsed.date ? Number(parsed.date.slice(0, 4)) : null;
    if (year) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function joinText(existing: string | null, text: string): string {
  return existing && existing !== text ? `${existing} ; ${text}` : text;
}
