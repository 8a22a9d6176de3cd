// What the report screens share: a report's status as a badge, its year and
// period in words, who did a step and when, and an error's messages with the
// field they name.
import type { ReportStatus } from "@baara/core";
import { Badge } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ApiError, errorText } from "../api/client.ts";
import type { Formatter } from "../ui/format.ts";

const COLORS: Record<ReportStatus, string> = { draft: "gray", submitted: "yellow", approved: "green" };
/** A status is a word or two: shown whole, never cut by a narrow column. */
const WHOLE = { root: { flexShrink: 0, overflow: "visible" }, label: { overflow: "visible" } } as const;

export function ReportStatusBadge({ status, size = "md" }: { status: ReportStatus; size?: "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" c="dark.7" size={size} styles={WHOLE}>
      {t(`reportStatus.${status}`)}
    </Badge>
  );
}

/** « 2023 », or « Annuel (novembre) 2023 » for a PBF report. */
export function reportPeriodText(t: TFunction, report: { year: number; period: string }): string {
  return report.period === "year" ? String(report.year) : `${t(`reportPeriod.${report.period}`)} ${report.year}`;
}

/** « Awa Traoré, le 12/03/2024 » (« … à 10:42 » with the time); empty when the step was not taken. */
export function byOn(t: TFunction, format: Formatter, name: string | null, at: string | null, withTime = false): string {
  if (!at) return "";
  const { date, time } = format.instant(at);
  const when = withTime ? t("reports.dateAt", { date, time }) : date;
  return name ? t("reports.byOn", { name, date: when }) : when;
}

/**
 * An error's messages for a form whose fields the server names: each message
 * with the label of its field when the message does not already name it.
 */
export function fieldErrors(
  t: TFunction,
  error: unknown,
  labels: Record<string, string>,
): { field: string | null; text: string }[] {
  if (!(error instanceof ApiError)) return [{ field: null, text: errorText(error) }];
  const details = Array.isArray(error.details) ? (error.details as { field?: string; message?: string }[]) : [];
  const named = details.filter((d) => d.message);
  if (named.length === 0) return [{ field: null, text: error.message }];
  return named.map((d) => {
    const field = d.field?.replace(/^narrative\./, "") ?? null;
    const label = field ? labels[field] : undefined;
    const message = d.message ?? "";
    return { field, text: label && !message.includes(label) ? t("reports.fieldMessage", { label, message }) : message };
  });
}
