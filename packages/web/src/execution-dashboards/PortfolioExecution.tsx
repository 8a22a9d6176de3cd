// The portfolio's execution rates for a year: every visible project's current
// approved plan, the organisations' subtotals (with their sub-organisations)
// and the whole portfolio; rates as bars, each column's formula in its header,
// sortable by rate. Amounts add within one currency only.
import { Anchor, Group, Select, Stack, Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { type OrganisationItem, portfolioRows, type Row, type SortKey } from "./portfolio-rows.ts";
import { usePortfolioExecution } from "./queries.ts";
import { PORTFOLIO_RATES, type Series } from "./rates.ts";
import { RateBar } from "./RateBar.tsx";
import "./dashboards.css";

const COLUMNS: readonly Series[] = ["physical", "committed", "paid"];
type RollUp = Pick<OrganisationItem, "plans" | "physical" | "financial">;

export default function PortfolioExecution() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | null>(null);
  const [sort, setSort] = useState<SortKey>("tree");
  const query = usePortfolioExecution(year);
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const view = query.data;
  const name = (series: Series) => t(`rate.${PORTFOLIO_RATES[series]}.name`);
  const formula = (series: Series) => t(`rate.${PORTFOLIO_RATES[series]}.formula`);
  return (
    <Stack>
      <Group align="end">
        <Select
          label={t("executionDashboard.year")}
          value={view.year === null ? null : String(view.year)}
          onChange={(v) => v && setYear(Number(v))}
          data={view.years.map(String)}
          allowDeselect={false}
          w={140}
        />
        <Text size="sm" c="dimmed">
          {t("executionDashboard.portfolioIntro")}
        </Text>
      </Group>
      {view.projects.length === 0 ? (
        <Text c="dimmed">{t("executionDashboard.noPlans")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing={6} className="sticky-first" aria-label={t("executionDashboard.portfolioTable", { year: view.year })} data-testid="portfolio-execution">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={{ base: 150, sm: 340 }}>{t("executionDashboard.projectOrOrganisation")}</Table.Th>
                <Table.Th ta="right" w={110}>
                  {t("executionDashboard.doneOfPlanned")}
                </Table.Th>
                {COLUMNS.slice(0, 1).map((s) => (
                  <RateHeader key={s} name={name(s)} formula={formula(s)} active={sort === s} onSort={() => setSort(sort === s ? "tree" : s)} />
                ))}
                <Table.Th className="num">{t("execution.budget")}</Table.Th>
                {COLUMNS.slice(1).map((s) => (
                  <RateHeader key={s} name={name(s)} formula={formula(s)} active={sort === s} onSort={() => setSort(sort === s ? "tree" : s)} />
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {portfolioRows(view, sort).map((row) => (
                <PortfolioRow key={row.kind === "project" ? row.project.projectId : row.organisation.organisationId} row={row} />
              ))}
              <RollUpRow label={t("executionDashboard.total")} rollUp={view.total} level={0} total />
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Stack gap={2}>
        {COLUMNS.map((s) => (
          <Text key={s} size="xs" c="dimmed">
            {t("executionDashboard.rateWithFormula", { name: name(s), formula: formula(s) })}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {t("executionDashboard.currencies")}
        </Text>
      </Stack>
    </Stack>
  );
}

function RateHeader({ name, formula, active, onSort }: { name: string; formula: string; active: boolean; onSort: () => void }) {
  const { t } = useTranslation();
  return (
    <Table.Th ta="right" aria-sort={active ? "descending" : "none"} w={150}>
      <Tooltip label={formula} events={{ hover: true, focus: true, touch: true }} withArrow multiline w={240}>
        <UnstyledButton onClick={onSort} fz="sm" fw={700} ta="right" aria-description={`${formula}. ${t("executionDashboard.sortHint")}`}>
          {`${name}${active ? " ↓" : ""}`}
        </UnstyledButton>
      </Tooltip>
    </Table.Th>
  );
}

function PortfolioRow({ row }: { row: Row }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (row.kind === "organisation") {
    const { organisation } = row;
    return <RollUpRow label={organisation.name} rollUp={organisation} level={row.level} code={organisation.code} />;
  }
  const { project } = row;
  return (
    <Table.Tr data-project={project.code}>
      <Table.Td pl={8 + row.level * 12}>
        <Group gap={8} align="baseline" style={{ whiteSpace: "nowrap" }}>
          <Anchor component={Link} to={`/projects/${project.projectId}`} size="sm" fw={600}>
            {project.code}
          </Anchor>
          <Anchor component={Link} to={`/workplans/${project.workplanId}?tab=execution`} size="xs">
            {t("executionDashboard.planOf", { year: project.year, version: project.planVersion })}
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {project.title}
        </Text>
      </Table.Td>
      <Table.Td className="num">{`${project.physical.done} / ${project.physical.planned}`}</Table.Td>
      <Table.Td>
        <RateBar rate={project.physical.rate} series="physical" label={`${project.code} ${t(`rate.${PORTFOLIO_RATES.physical}.name`)}`} />
      </Table.Td>
      <Table.Td className="num">{format.money(project.financial.budget, project.currency)}</Table.Td>
      {(["committed", "paid"] as const).map((s) => (
        <Table.Td key={s}>
          <RateBar
            rate={project.financial.rates[PORTFOLIO_RATES[s]]}
            series={s}
            label={`${project.code} ${t(`rate.${PORTFOLIO_RATES[s]}.name`)}`}
          />
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/** An organisation's subtotal or the portfolio's total: counts across currencies, money per currency. */
interface RollUpRowProps {
  label: string;
  rollUp: RollUp;
  level: number;
  code?: string;
  total?: boolean;
}

function RollUpRow({ label, rollUp, level, code, total }: RollUpRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const several = rollUp.financial.length > 1;
  return (
    <Table.Tr fw={700} bg={total ? "var(--mantine-color-gray-1)" : undefined} data-organisation={code} data-total={total ? "" : undefined}>
      <Table.Td pl={8 + level * 12}>
        <Text size="sm" fw={700} lineClamp={2}>
          {label}
        </Text>
        <Text size="xs" c="dimmed" fw={400}>
          {t("executionDashboard.plans", { count: rollUp.plans })}
        </Text>
      </Table.Td>
      <Table.Td className="num">{`${rollUp.physical.done} / ${rollUp.physical.planned}`}</Table.Td>
      <Table.Td>
        <RateBar rate={rollUp.physical.rate} series="physical" label={`${label} ${t(`rate.${PORTFOLIO_RATES.physical}.name`)}`} />
      </Table.Td>
      <Table.Td className="num">
        {rollUp.financial.map((f) => (
          <Text key={f.currency} size="sm" fw={700}>
            {format.money(f.budget, f.currency)}
          </Text>
        ))}
      </Table.Td>
      {(["committed", "paid"] as const).map((s) => (
        <Table.Td key={s}>
          {rollUp.financial.map((f) => (
            <Group key={f.currency} gap={4} wrap="nowrap" justify="flex-end">
              {several && (
                <Text size="xs" c="dimmed">
                  {f.currency}
                </Text>
              )}
              <RateBar rate={f.rates[PORTFOLIO_RATES[s]]} series={s} label={`${label} ${f.currency} ${t(`rate.${PORTFOLIO_RATES[s]}.name`)}`} />
            </Group>
          ))}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}
