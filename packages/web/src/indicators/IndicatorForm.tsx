// Defining an indicator: what it measures and how (metadata), where it sits
// in the framework, its baseline, end target, yearly targets and milestones.
// The same form creates one and changes one.
import {
  type api,
  COLLECTION_FREQUENCIES,
  DIMENSIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
} from "@baara/core";
import { Button, Checkbox, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import type { Project } from "../api/types.ts";
import { LimitedText } from "../ui/LimitedText.tsx";
import { PeriodPicker } from "./parts.tsx";
import { refreshIndicators } from "./queries.ts";

type Node = api.ProjectIndicators["nodes"][number];
interface Target {
  year: number;
  period: string;
  value: string;
  comment: string;
}

export default function IndicatorForm({
  project,
  nodes,
  indicator,
  onClose,
}: {
  project: Project;
  nodes: Node[];
  indicator?: api.Indicator;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [f, setF] = useState(() => ({
    code: indicator?.code ?? "",
    name: indicator?.name ?? "",
    level: indicator?.level ?? "output",
    resultNodeId: indicator?.resultNodeId ?? null,
    measure: indicator?.measure ?? "number",
    unit: indicator?.unit ?? "",
    direction: indicator?.direction ?? "increase",
    cumulative: indicator?.cumulative ?? false,
    dimensions: indicator?.dimensions ?? [],
    baselineValue: indicator?.baselineValue ?? "",
    endTarget: indicator?.endTarget ?? "",
    definition: indicator?.definition ?? "",
    calculationMethod: indicator?.calculationMethod ?? "",
    dataSource: indicator?.dataSource ?? "",
    verificationMeans: indicator?.verificationMeans ?? "",
    collectionFrequency: indicator?.collectionFrequency ?? null,
    responsible: indicator?.responsible ?? "",
  }));
  const [targets, setTargets] = useState<Target[]>(
    () =>
      indicator?.targets.map((x) => ({ year: x.year, period: x.period, value: x.value ?? "", comment: x.comment ?? "" }))
      ?? [],
  );
  const set = <K extends keyof typeof f>(key: K, value: (typeof f)[K]) => setF((old) => ({ ...old, [key]: value }));
  const orNull = (v: string) => (v.trim() === "" ? null : v.trim().replace(",", "."));
  const body = {
    ...f,
    unit: orNull(f.unit),
    baselineValue: orNull(f.baselineValue),
    endTarget: orNull(f.endTarget),
    definition: orNull(f.definition),
    calculationMethod: orNull(f.calculationMethod),
    dataSource: orNull(f.dataSource),
    verificationMeans: orNull(f.verificationMeans),
    responsible: orNull(f.responsible),
    targets: targets.map((x) => ({ year: x.year, period: x.period, value: orNull(x.value), comment: orNull(x.comment) })),
  };
  const save = useMutation({
    mutationFn: () =>
      indicator
        ? send("updateIndicator", { params: { id: indicator.id }, body: { ...body, version: indicator.version } })
        : send("createIndicator", { params: { id: project.id }, body }),
    onSuccess: async () => {
      await refreshIndicators(client, project.id);
      onClose();
    },
  });
  const words = (list: readonly string[], key: string) => list.map((value) => ({ value, label: t(`${key}.${value}`) }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={indicator ? `${indicator.code} ${indicator.name}` : t("indicators.add")}
      size="xl"
    >
      <Stack gap="sm">
        {save.isError && (
          <Text c="red" role="alert">
            {errorText(save.error)}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("indicators.field.code")}
            value={f.code}
            onChange={(e) => set("code", e.currentTarget.value)}
            required
            data-autofocus
            maxLength={40}
          />
          <Select
            label={t("indicators.field.level")}
            data={words(INDICATOR_LEVELS, "indicatorLevel")}
            value={f.level}
            allowDeselect={false}
            onChange={(v) => v && set("level", v as typeof f.level)}
          />
          <Select
            label={t("entity.resultNode")}
            data={[
              { value: "", label: t("indicators.noNode") },
              ...nodes.map((n) => ({ value: n.id, label: `${n.code} ${n.title}`.slice(0, 90) })),
            ]}
            value={f.resultNodeId ?? ""}
            onChange={(v) => set("resultNodeId", v || null)}
          />
        </SimpleGrid>
        <LimitedText
          limit="indicatorName"
          label={t("indicators.field.name")}
          value={f.name}
          onChange={(v) => set("name", v)}
          required
          rows={2}
        />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Select
            label={t("indicators.field.measure")}
            data={words(INDICATOR_MEASURES, "indicatorMeasure")}
            value={f.measure}
            allowDeselect={false}
            onChange={(v) => v && set("measure", v as typeof f.measure)}
          />
          <TextInput
            label={t("indicators.field.unit")}
            value={f.unit}
            onChange={(e) => set("unit", e.currentTarget.value)}
            maxLength={40}
          />
          <Select
            label={t("indicators.field.direction")}
            data={words(INDICATOR_DIRECTIONS, "indicatorDirection")}
            value={f.direction}
            allowDeselect={false}
            onChange={(v) => v && set("direction", v as typeof f.direction)}
          />
          <MultiSelect
            label={t("indicators.field.dimensions")}
            data={words(DIMENSIONS, "dimension")}
            value={f.dimensions}
            onChange={(v) => set("dimensions", v as typeof f.dimensions)}
          />
        </SimpleGrid>
        <Checkbox
          label={t("indicators.field.cumulative")}
          checked={f.cumulative}
          onChange={(e) => set("cumulative", e.currentTarget.checked)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("tableColumn.baseline")}
            value={f.baselineValue}
            onChange={(e) => set("baselineValue", e.currentTarget.value)}
            inputMode="decimal"
          />
          <TextInput
            label={t("tableColumn.target")}
            value={f.endTarget}
            onChange={(e) => set("endTarget", e.currentTarget.value)}
            inputMode="decimal"
          />
        </SimpleGrid>
        <Text fw={600} size="sm">
          {t("indicators.field.targets")}
        </Text>
        {targets.map((x, i) => (
          <Group key={i} align="end" gap="xs">
            <PeriodPicker value={x} onChange={(v) => setTargets(targets.map((y, j) => (j === i ? { ...y, ...v } : y)))} />
            <TextInput
              label={t("indicators.field.value")}
              w={110}
              value={x.value}
              inputMode="decimal"
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTargets(targets.map((y, j) => (j === i ? { ...y, value } : y)));
              }}
            />
            <TextInput
              label={t("indicators.field.comment")}
              style={{ flex: 1 }}
              maxLength={1000}
              value={x.comment}
              onChange={(e) => {
                const comment = e.currentTarget.value;
                setTargets(targets.map((y, j) => (j === i ? { ...y, comment } : y)));
              }}
            />
            <Button variant="subtle" color="red" size="xs" onClick={() => setTargets(targets.filter((_, j) => j !== i))}>
              {t("indicators.removeTarget")}
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() =>
              setTargets([
                ...targets,
                { year: (targets.at(-1)?.year ?? new Date().getFullYear() - 1) + 1, period: "Y", value: "", comment: "" },
              ])}
          >
            {t("indicators.addTarget")}
          </Button>
        </Group>
        <Text fw={600} size="sm">
          {t("indicators.metadata")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {(["definition", "calculationMethod", "dataSource", "verificationMeans", "responsible"] as const).map((key) => (
            <LimitedText
              key={key}
              limit="indicatorMetadata"
              label={t(`indicators.field.${key}`)}
              value={f[key]}
              onChange={(v) => set(key, v)}
              rows={1}
            />
          ))}
          <Select
            label={t("indicators.field.collectionFrequency")}
            data={words(COLLECTION_FREQUENCIES, "collectionFrequency")}
            value={f.collectionFrequency}
            onChange={(v) => set("collectionFrequency", v as typeof f.collectionFrequency)}
            clearable
          />
        </SimpleGrid>
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()} disabled={!f.code.trim() || !f.name.trim()}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
