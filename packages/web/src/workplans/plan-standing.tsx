// Which version of a year's plan is in force, in words: a badge for lists and
// the plan page, and the heading that names a plan once with its version.
import { shownPlanTitle, supersededBy, versionStanding } from "@baara/core";
import { Badge, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Workplan } from "../api/types.ts";

/** The version that replaces this plan, or null. */
export function replacedBy(plan: Workplan): number | null {
  return supersededBy(plan.planVersion, plan.versionInForce);
}

/** « En vigueur » on the version in force, « Remplacé par la version N » on the versions it supersedes, nothing otherwise. */
export function PlanStandingBadge({ plan }: { plan: Workplan }) {
  const { t } = useTranslation();
  const standing = versionStanding(plan.planVersion, plan.versionInForce);
  if (standing === "inForce") {
    return (
      <Badge color="green" variant="dot" c="dark.7" data-testid="standing">
        {t("editorUx.inForce")}
      </Badge>
    );
  }
  if (standing === "superseded") {
    return (
      <Text size="sm" c="dimmed" fs="italic" data-testid="standing">
        {t("editorUx.supersededBy", { version: replacedBy(plan) })}
      </Text>
    );
  }
  return null;
}

/** « PTBA 2022 – Composante B — version 2 »: the title without a version marker, the year when the title lacks it. */
export function planHeading(t: TFunction, plan: Workplan): string {
  const title = shownPlanTitle(plan);
  const key = title.includes(String(plan.year)) ? "editorUx.planHeading" : "editorUx.planHeadingWithYear";
  return t(key, { title, year: plan.year, version: plan.planVersion });
}
