import { type api, describeDocumentFinding, type DocumentFinding, type Locale } from "@baara/core";

/** A document's findings as the API and the CLI show them: counts, then each finding with its message. */
export function presentDocumentCheck(findings: readonly DocumentFinding[], locale: Locale): api.DocumentCheck {
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    errors,
    warnings: findings.length - errors,
    findings: findings.map((f) => ({
      kind: f.kind,
      severity: f.severity,
      line: f.line,
      sentence: f.sentence,
      figures: f.figures,
      message: describeDocumentFinding(f, locale),
    })),
  };
}
