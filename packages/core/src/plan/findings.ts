import { formatDate, formatMoney } from "../format.ts";
import { type Locale, translate } from "../i18n/messages.ts";
import { type CurrencyCode, formatAmountDecimal, type Minor } from "../money.ts";
import type { Finding } from "./types.ts";

/** A finding as the API and the screens show it: amounts as decimals, and a sentence that says where. */
export interface PresentedFinding {
  code: Finding["code"];
  severity: Finding["severity"];
  location: Finding["location"];
  declared: string | null;
  computed: string | null;
  message: string;
}

export function presentFinding(finding: Finding, currency: CurrencyCode, locale: Locale): PresentedFinding {
  const money = (minor: Minor | null) => (minor === null ? "" : formatMoney(minor, currency, locale));
  const where = finding.location.path.length > 0 ? [finding.location.path.join(" › ")] : [];
  return {
    code: finding.code,
    severity: finding.severity,
    location: finding.location,
    declared: finding.declared === null ? null : formatAmountDecimal(finding.declared, currency),
    computed: finding.computed === null ? null : formatAmountDecimal(finding.computed, currency),
    message: [
      ...where,
      translate(finding.code, locale, {
        ...datesIn(finding.params, locale),
        declared: money(finding.declared),
        computed: money(finding.computed),
      }),
    ].join(" — "),
  };
}

/** ISO dates in a finding's parameters read as "15 juillet 2024" in its message. */
function datesIn(params: Finding["params"], locale: Locale): Finding["params"] {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, locale) : value,
    ]),
  );
}
