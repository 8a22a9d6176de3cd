import { isCurrencyCode, parseAmount, PROJECT_STATUSES } from "@baara/core";
import { Anchor, Button, Group, NumberInput, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { hrefOf, send } from "../api/client.ts";
import type { PortfolioItem } from "../api/types.ts";
import { currentLanguage } from "../i18n/i18n.ts";
import { DuePanel } from "../committees/DuePanel.tsx";
import { InboxPanel } from "../inbox/InboxPanel.tsx";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { PlanStatusBadge } from "../ui/StatusBadge.tsx";

const PortfolioExecution = lazy(() => import("../execution-dashboards/PortfolioExecution.tsx"));

type SortKey = "code" | "title" | "budget";

/** The plan's budget in minor units, for sorting (0 without a plan). */
function budgetOf(item: PortfolioItem): number {
  const currency = item.project.currency;
  if (!item.plan || !isCurrencyCode(currency)) return 0;
  const parsed = parseAmount(item.plan.total, currency);
  return parsed.ok ? parsed.value : 0;
}

export default function PortfolioPage() {
  const { t } = useTranslation();
  // « Plans » or « Exécution », kept in the address so that it can be linked to and survives a reload.
  const [searchParams, setSearchParams] = useSearchParams();
  const view = searchParams.get("vue") === "execution" ? "execution" : "plans";
  return (
    <Stack>
      <InboxPanel />
      <DuePanel />
      <Group justify="space-between">
        <Title order={2}>{t("portfolio.title")}</Title>
        <SegmentedControl
          aria-label={t("executionDashboard.view")}
          value={view}
          onChange={(v) => setSearchParams(v === "execution" ? { vue: "execution" } : {})}
          data={[
            { value: "plans", label: t("executionDashboard.viewPlans") },
            { value: "execution", label: t("executionDashboard.viewExecution") },
          ]}
        />
      </Group>
      {view === "execution" ? (
        <Suspense fallback={<Loading />}>
          <PortfolioExecution />
        </Suspense>
      ) : (
        <PlansView />
      )}
    </Stack>
  );
}

/** The projects with their current plan, filtered and sorted. */
function PlansView() {
  const { t } = useTranslation();
  const format = useFormat();
  const [q, setQ] = useState("");
  const [partner, setPartner] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [organisation, setOrganisation] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>("");
  const [sort, setSort] = useState<SortKey>("code");
  const [search] = useDebouncedValue(q, 250);
  const [partnerSearch] = useDebouncedValue(partner, 250);

  const filters = {
    pageSize: 500,
    q: search || undefined,
    partner: partnerSearch || undefined,
    status: PROJECT_STATUSES.find((s) => s === status),
    organisationId: organisation ?? undefined,
    year: typeof year === "number" ? year : undefined,
  };
  const { pageSize: _pageSize, ...exportFilters } = filters;
  const query = useQuery({
    queryKey: ["portfolio", filters],
    queryFn: () => send("portfolio", { query: filters }),
    placeholderData: keepPreviousData,
  });

  const items = query.data?.items;
  const organisations = useMemo(() => {
    const seen = new Map<string, string>();
    for (const item of items ?? []) seen.set(item.project.organisationId, item.project.organisationName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [items]);
  const sorted = useMemo(() => {
    const list = [...(items ?? [])];
    if (sort === "title") list.sort((a, b) => a.project.title.localeCompare(b.project.title, format.language));
    if (sort === "budget") list.sort((a, b) => budgetOf(b) - budgetOf(a));
    return list;
  }, [items, sort, format.language]);

  return (
    <Stack>
      <Group justify="space-between">
        {query.data ? <Text c="dimmed">{t("portfolio.count", { count: query.data.total })}</Text> : <span />}
        {/* The lines of the plans in force, with the filters below; the file is written as it downloads. */}
        <Button
          component="a"
          variant="default"
          href={hrefOf("exportPortfolio", {}, { ...exportFilters, lang: currentLanguage() })}
          download
          title={t("portfolio.exportHint")}
        >
          {t("portfolio.exportCsv")}
        </Button>
      </Group>
      <Group align="end">
        <TextInput label={t("common.search")} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Select
          label={t("entity.organisation")}
          data={organisations}
          value={organisation}
          onChange={setOrganisation}
          clearable
          placeholder={t("common.all")}
        />
        <TextInput label={t("portfolio.partner")} value={partner} onChange={(e) => setPartner(e.currentTarget.value)} />
        <Select
          label={t("portfolio.status")}
          value={status}
          onChange={setStatus}
          clearable
          placeholder={t("common.all")}
          data={(["pipeline", "active", "suspended", "closed"] as const).map((s) => ({
            value: s,
            label: t(`projectStatus.${s}`),
          }))}
        />
        <NumberInput label={t("portfolio.year")} value={year} onChange={setYear} min={2000} max={2100} w={120} />
        <Select
          label={t("portfolio.sort")}
          value={sort}
          onChange={(v) => setSort((v as SortKey | null) ?? "code")}
          allowDeselect={false}
          w={140}
          data={[
            { value: "code", label: t("portfolio.sortCode") },
            { value: "title", label: t("portfolio.sortTitle") },
            { value: "budget", label: t("portfolio.sortBudget") },
          ]}
        />
      </Group>
      {query.isPending && <Loading />}
      {query.isError && <ErrorState error={query.error} retry={() => void query.refetch()} />}
      {items && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("portfolio.code")}</Table.Th>
                <Table.Th>{t("entity.project")}</Table.Th>
                <Table.Th>{t("entity.organisation")}</Table.Th>
                <Table.Th>{t("portfolio.plan")}</Table.Th>
                <Table.Th className="num">{t("portfolio.budget")}</Table.Th>
                <Table.Th>{t("portfolio.planStatus")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map(({ project, plan }) => (
                <Table.Tr key={project.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/projects/${project.id}`}>
                      {project.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td maw={480}>
                    <Text size="sm" lineClamp={2}>
                      {project.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {project.partners.map((p) => p.name).join(", ")}
                    </Text>
                  </Table.Td>
                  <Table.Td>{project.organisationName}</Table.Td>
                  <Table.Td>
                    {plan ? (
                      <Anchor component={Link} to={`/workplans/${plan.id}`}>
                        {`${plan.year} · v${plan.planVersion}`}
                      </Anchor>
                    ) : (
                      t("common.none")
                    )}
                  </Table.Td>
                  <Table.Td className="num">{plan ? format.money(plan.total, project.currency) : ""}</Table.Td>
                  <Table.Td>
                    <PlanStatusBadge status={plan?.status ?? null} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {sorted.length === 0 && <Text c="dimmed">{t("portfolio.empty")}</Text>}
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
