import { shownPlanTitle } from "@baara/core";
import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Workplan } from "../api/types.ts";
import { PlanStatusBadge } from "../ui/StatusBadge.tsx";
import { PlanStandingBadge, replacedBy } from "../workplans/plan-standing.tsx";

/** A project's plans, newest year and version first: which one is in force, which ones it replaced. */
export function WorkplanList({ plans }: { plans: Workplan[] }) {
  const { t } = useTranslation();
  if (plans.length === 0) return <Text c="dimmed">{t("project.noPlans")}</Text>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label={t("project.workplans")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("project.year")}</Table.Th>
            <Table.Th>{t("project.plan")}</Table.Th>
            <Table.Th ta="end">{t("project.version")}</Table.Th>
            <Table.Th>{t("portfolio.planStatus")}</Table.Th>
            <Table.Th>{t("editorUx.standing")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((plan) => (
            <Table.Tr key={plan.id} c={replacedBy(plan) === null ? undefined : "dimmed"}>
              <Table.Td>{plan.year}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/workplans/${plan.id}`}>
                  {shownPlanTitle(plan)}
                </Anchor>
              </Table.Td>
              <Table.Td ta="end">{plan.planVersion}</Table.Td>
              <Table.Td>
                <PlanStatusBadge status={plan.status} />
              </Table.Td>
              <Table.Td>
                <PlanStandingBadge plan={plan} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
