// A project's years side by side: each rate on its row with its name and
// formula, each year's current plan in its column, with the change from the
// year before; then the amounts the rates divide.
import type { api } from "@baara/core";
import { rateChange } from "@baara/core";
import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../ui/format.ts";
import "./dashboards.css";
import { rateOf, YEAR_RATES } from "./rates.ts";

type Year = api.ProjectExecution["years"][number];
type AmountKey = "budget" | "paymentCredit" | "committed" | "liquidated" | "paid";

const AMOUNTS: readonly AmountKey[] = ["budget", "paymentCredit", "committed", "liquidated", "paid"];

export function YearTable({ years, currency }: { years: Year[]; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rates = YEAR_RATES.filter((key) => years.some((y) => rateOf(y, key) !== null));
  const amounts = AMOUNTS.filter((key) => years.some((y) => y.financial[key] !== null));
  const amountLabel = (key: AmountKey) => (key === "paymentCredit" ? t("creditKind.payment") : t(`execution.${key}`));
  return (
    <Table.ScrollContainer minWidth={150 + years.length * 150}>
      <Table withTableBorder className="sticky-first" aria-label={t("executionDashboard.byYear")} data-testid="execution-years">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={{ base: 150, sm: 320 }}>{t("executionDashboard.figure")}</Table.Th>
            {years.map((y) => (
              <Table.Th key={y.year} className="num" data-year={y.year}>
                <Text fw={700} size="sm">
                  {String(y.year)}
                </Text>
                <Anchor component={Link} to={`/workplans/${y.workplanId}?tab=execution`} size="xs" fw={400}>
                  {t("executionDashboard.openPlan", { version: y.planVersion })}
                </Anchor>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>{t("executionDashboard.doneOfPlanned")}</Table.Td>
            {years.map((y) => (
              <Table.Td key={y.year} className="num">{`${y.physical.done} / ${y.physical.planned}`}</Table.Td>
            ))}
          </Table.Tr>
          {rates.map((key) => (
            <Table.Tr key={key} data-rate={key}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {t(`rate.${key}.name`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`rate.${key}.formula`)}
                </Text>
              </Table.Td>
              {years.map((y, i) => {
                const previous = years[i - 1];
                // Compared with the year just before only: a gap of years is no year on year.
                const consecutive = previous && previous.year === y.year - 1;
                const change = consecutive ? rateChange(rateOf(y, key), rateOf(previous, key)) : null;
                return (
                  <Table.Td key={y.year} className="num" data-year={y.year}>
                    <Text size="sm" fw={600}>
                      {format.rate(rateOf(y, key))}
                    </Text>
                    {change !== null && (
                      <Text size="xs" c="dimmed">
                        {t("executionDashboard.change", { points: format.points(change), year: previous?.year })}
                      </Text>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
          {amounts.map((key) => (
            <Table.Tr key={key}>
              <Table.Td>{amountLabel(key)}</Table.Td>
              {years.map((y) => (
                <Table.Td key={y.year} className="num">
                  {y.financial[key] === null ? "—" : format.money(y.financial[key], currency)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
