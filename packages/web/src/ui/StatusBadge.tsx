import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlanStatus } from "../api/types.ts";

const COLORS: Record<PlanStatus, string> = { draft: "gray", submitted: "yellow", approved: "green", endorsed: "teal" };

export function PlanStatusBadge({ status }: { status: PlanStatus | null }) {
  const { t } = useTranslation();
  if (!status) return <Badge color="gray" variant="outline">{t("plan.none")}</Badge>;
  return (
    <Badge color={COLORS[status]} variant="light" c="dark.7">
      {t(`planStatus.${status}`)}
    </Badge>
  );
}
