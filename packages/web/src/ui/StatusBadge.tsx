import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlanStatus } from "../api/types.ts";

const COLORS: Record<PlanStatus, string> = { draft: "gray", submitted: "yellow", approved: "green", endorsed: "teal" };
/** A status is a word or two: shown whole, never cut to « AUCUN P… » by a narrow table column. */
const WHOLE = { root: { flexShrink: 0, overflow: "visible" }, label: { overflow: "visible" } } as const;

export function PlanStatusBadge({ status }: { status: PlanStatus | null }) {
  const { t } = useTranslation();
  if (!status) {
    return (
      <Badge color="gray" variant="outline" styles={WHOLE}>
        {t("plan.none")}
      </Badge>
    );
  }
  return (
    <Badge color={COLORS[status]} variant="light" c="dark.7" styles={WHOLE}>
      {t(`planStatus.${status}`)}
    </Badge>
  );
}
