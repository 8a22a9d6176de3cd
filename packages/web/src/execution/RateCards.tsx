// The plan's rates, each with its name, its formula and the figures it divides,
// so that no one reads « taux d'exécution » without knowing which.
import { Group, Paper, Progress, SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Execution } from "./types.ts";
import { useFormat } from "../ui/format.ts";

function RateCard({
  name,
  formula,
  rate,
  detail,
  previous,
  testId,
}: {
  name: string;
  formula: string;
  rate: string | null;
  detail: string;
  previous?: string;
  testId: string;
}) {
  const format = useFormat();
  const value = rate === null ? 0 : Math.min(100, Number(rate));
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {name}
      </Text>
      <Group justify="space-between" align="baseline" gap="xs">
        <Text fw={700} size="xl" data-testid={`${testId}-value`}>
          {format.rate(rate)}
        </Text>
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      </Group>
      <Progress
        value={value}
        size="sm"
        mt={4}
        color={value >= 75 ? "teal" : value >= 50 ? "yellow" : "orange"}
        aria-hidden
      />
      <Text size="xs" c="dimmed" mt={4}>
        {formula}
      </Text>
      {previous && (
        <Text size="xs" mt={2}>
          {previous}
        </Text>
      )}
    </Paper>
  );
}

/** The headline rates: physical by count and by budget, then along the expenditure chain. */
export function RateCards({ execution }: { execution: Execution }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { physical, financial } = execution.plan;
  const money = (v: string | null) => (v === null ? "—" : format.money(v, execution.currency));
  // The credit the plan's commitments are read against: the payment credit, else the notified, else the allocated, else the budget.
  const credit =
    financial.paymentCredit !== null
      ? { key: "committedOfPaymentCredit", amount: financial.paymentCredit, liquidated: "liquidatedOfPaymentCredit" }
      : financial.notified !== null
        ? { key: "committedOfNotified", amount: financial.notified, liquidated: null }
        : financial.allocated !== null
          ? { key: "committedOfAllocated", amount: financial.allocated, liquidated: null }
          : { key: "committedOfBudget", amount: financial.budget, liquidated: null };
  const rate = (key: string) => financial.rates[key as keyof typeof financial.rates] ?? null;
  const previous = execution.previous;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
      <RateCard
        testId="rate-physical"
        name={t("rate.byCount.name")}
        formula={t("rate.byCount.formula")}
        rate={physical.rate}
        detail={t("execution.doneOfPlanned", { done: physical.done, planned: physical.planned })}
        previous={
          previous
            ? t("execution.previousYear", { year: previous.year, rate: format.rate(previous.physical.rate) })
            : undefined
        }
      />
      <RateCard
        testId="rate-weighted"
        name={t("rate.byBudget.name")}
        formula={t("rate.byBudget.formula")}
        rate={physical.byBudget}
        detail={t("execution.averageProgress", { rate: format.rate(physical.averageProgress) })}
      />
      <RateCard
        testId="rate-committed"
        name={t(`rate.${credit.key}.name`)}
        formula={t(`rate.${credit.key}.formula`)}
        rate={rate(credit.key)}
        detail={`${money(financial.committed)} / ${money(credit.amount)}`}
      />
      {financial.disbursed !== null ? (
        // A donor project: what was spent of what the donor disbursed.
        <RateCard
          testId="rate-paid"
          name={t("rate.paidOfDisbursed.name")}
          formula={t("rate.paidOfDisbursed.formula")}
          rate={rate("paidOfDisbursed")}
          detail={`${money(financial.paid)} / ${money(financial.disbursed)}`}
        />
      ) : (
        <RateCard
          testId="rate-paid"
          name={t(credit.liquidated ? `rate.${credit.liquidated}.name` : "rate.paidOfCommitted.name")}
          formula={t(credit.liquidated ? `rate.${credit.liquidated}.formula` : "rate.paidOfCommitted.formula")}
          rate={rate(credit.liquidated ?? "paidOfCommitted")}
          detail={
            credit.liquidated
              ? `${money(financial.liquidated)} / ${money(credit.amount)}`
              : `${money(financial.paid)} / ${money(financial.committed)}`
          }
        />
      )}
    </SimpleGrid>
  );
}
