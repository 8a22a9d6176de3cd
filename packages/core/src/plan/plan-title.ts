// A plan's title names the plan; its version number is shown beside it, once.
// Titles typed or taken from a file's name often end with a version marker
// ("PTBA 2022 v2", "AWP_2024_final_v3.xlsx", "plan (2).xlsx"): it is left out.

/** A trailing version marker: "v2", "V.3", "version 2", "rev 1", "révision 2", or a copy number "(2)". */
const VERSION_MARKER = /(?:(?:^|[\s_\-–—·.,;:]+|(?<=\d))\(?\s*(?:v|ver|vers|version|rev|rév|revision|révision)\.?\s*\d{1,3}\s*\)?|[\s_]*\(\d{1,3}\))$/iu;
const SEPARATORS = /^[\s_\-–—·.,;:]+|[\s_\-–—·.,;:]+$/gu;
const MAX_TITLE = 300;

/** The title without its trailing version markers ("PTBA 2022 v2" → "PTBA 2022"); the title itself when it is only one. */
export function withoutVersionMarker(title: string): string {
  let rest = title.trim();
  for (let guard = 0; guard < 5 && VERSION_MARKER.test(rest); guard++) rest = rest.replace(VERSION_MARKER, "").replace(SEPARATORS, "");
  return rest === "" ? title.trim() : rest;
}

/** A plan title from an uploaded file's name: no extension, underscores as spaces, no version marker; null when nothing is left. */
export function planTitleFromFileName(fileName: string): string | null {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.(xlsx|xlsm|xls|csv|tsv|txt)$/i, "");
  const spaced = base.replace(/_+/g, " ").replace(/\s+/g, " ").replace(SEPARATORS, "");
  const title = withoutVersionMarker(spaced).replace(SEPARATORS, "");
  if (title === "" || VERSION_MARKER.test(title)) return null;
  return title.slice(0, MAX_TITLE);
}

/** The title a plan is shown with beside its version: without a version marker, else "PTBA <year>". */
export function shownPlanTitle(plan: { title: string; year: number }): string {
  const title = withoutVersionMarker(plan.title);
  return title === "" || VERSION_MARKER.test(title) ? `PTBA ${plan.year}` : title;
}
