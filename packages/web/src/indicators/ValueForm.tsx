// Entering an indicator's value for a period: the figure (or the words of a
// text indicator), a figure per category of each of its breakdowns, a comment
// and the reason for a variance. A validated value shows, locked; an
// approver validates, returns (with a reason) or reopens it here.
import { type api, categoriesOf, type Dimension } from "@baara/core";
import { Anchor, Badge, Button, FileButton, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, hrefOf, pathOf, send, upload } from "../api/client.ts";
import { useFormat } from "../ui/format.ts";
import { refreshIndicators } from "./queries.ts";

interface Props {
  indicator: Pick<api.Indicator, "id" | "projectId" | "code" | "measure" | "dimensions" | "unit">;
  locations: string[];
  year: number;
  period: string;
  /** The value already entered for this period, if any. */
  existing: api.IndicatorValue | null;
  canRecord: boolean;
  canValidate: boolean;
  compact?: boolean;
}

/** The newest of what the list said and what the last write answered (the list may not have been read again yet). */
function newest(...values: (api.IndicatorValue | null | undefined)[]): api.IndicatorValue | null {
  return values.reduce<api.IndicatorValue | null>((a, b) => (b && (!a || b.version > a.version) ? b : a), null);
}

export function ValueForm({ indicator, locations, year, period, existing: listed, canRecord, canValidate, compact }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [value, setValue] = useState(listed?.value ?? "");
  const [textValue, setTextValue] = useState(listed?.textValue ?? "");
  const [breakdown, setBreakdown] = useState<Record<string, string>>(listed?.breakdown ?? {});
  const [comment, setComment] = useState(listed?.comment ?? "");
  const [reason, setReason] = useState(listed?.varianceReason ?? "");
  const [why, setWhy] = useState("");
  const decimal = (v: string) => v.trim().replace(/\s/g, "").replace(",", ".");
  const save = useMutation({
    mutationFn: () =>
      send("recordIndicatorValue", {
        params: { id: indicator.id },
        body: {
          year,
          period,
          value: indicator.measure === "text" || value.trim() === "" ? null : decimal(value),
          textValue: indicator.measure === "text" ? textValue.trim() || null : null,
          breakdown: Object.fromEntries(
            Object.entries(breakdown)
              .filter(([, v]) => v.trim() !== "")
              .map(([k, v]) => [k, decimal(v)]),
          ),
          comment: comment.trim() || null,
          varianceReason: reason.trim() || null,
          ...(existing ? { version: existing.version } : {}),
        },
      }),
    onSuccess: () => refreshIndicators(client, indicator.projectId),
  });
  const review = useMutation({
    mutationFn: (action: "validate" | "return" | "reopen") =>
      send("reviewIndicatorValue", {
        params: { id: existing?.id ?? "" },
        body: { action, comment: why.trim() || null, version: existing?.version ?? 1 },
      }),
    onSuccess: () => {
      setWhy("");
      return refreshIndicators(client, indicator.projectId);
    },
  });
  const label = (key: string) => `${indicator.code} — ${t(key)}`;
  const existing = newest(listed, save.data, review.data);
  const dims = indicator.dimensions as Dimension[];
  const locked = existing?.status === "validated";
  const editable = canRecord && !locked;
  return (
    <Stack gap={4}>
      <Group align="end" gap="xs" wrap="wrap">
        {indicator.measure === "text" ? (
          <TextInput
            label={t("indicators.field.textValue")}
            aria-label={label("indicators.field.textValue")}
            value={textValue}
            onChange={(e) => setTextValue(e.currentTarget.value)}
            disabled={!editable}
            w={260}
            maxLength={2000}
          />
        ) : (
          <TextInput
            label={`${t("indicators.field.value")}${indicator.unit ? ` (${indicator.unit})` : ""}`}
            aria-label={label("indicators.field.value")}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            disabled={!editable}
            w={120}
            inputMode="decimal"
          />
        )}
        {indicator.measure !== "text"
          && dims.flatMap((d) =>
            categoriesOf(d, locations).map((c) => {
              const key = `${d}:${c}`;
              const name = t(`category.${c}`, { defaultValue: c });
              return (
                <TextInput
                  key={key}
                  label={name}
                  aria-label={`${indicator.code} — ${name}`}
                  value={breakdown[key] ?? ""}
                  w={100}
                  inputMode="decimal"
                  disabled={!editable}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setBreakdown((b) => ({ ...b, [key]: v }));
                  }}
                />
              );
            }),
          )}
        <TextInput
          label={t("indicators.field.comment")}
          aria-label={label("indicators.field.comment")}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          disabled={!editable}
          w={compact ? 180 : 240}
          maxLength={1000}
        />
        <TextInput
          label={t("indicators.field.varianceReason")}
          aria-label={label("indicators.field.varianceReason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          disabled={!editable}
          w={compact ? 180 : 240}
          maxLength={1000}
        />
        {editable && (
          <Button size="xs" loading={save.isPending} onClick={() => save.mutate()} aria-label={label("indicators.save")}>
            {t("indicators.save")}
          </Button>
        )}
        {existing && (
          <Badge variant="light" color={locked ? "green" : existing.status === "returned" ? "red" : "blue"}>
            {t(`indicatorValueStatus.${existing.status}`)}
          </Badge>
        )}
      </Group>
      {existing?.status === "returned" && existing.reviewComment && (
        <Text size="xs" c="red">
          {`${t("indicators.field.reviewComment")} : ${existing.reviewComment}`}
        </Text>
      )}
      {locked && (
        <Text size="xs" c="dimmed">
          {t("indicators.locked")}
        </Text>
      )}
      {existing && !compact && <Evidence value={existing} editable={editable} projectId={indicator.projectId} />}
      {existing && !compact && (
        <Text size="xs" c="dimmed">
          {t("indicators.enteredBy", {
            name: existing.enteredByName ?? "—",
            date: format.date(existing.enteredAt.slice(0, 10)),
          })}
          {existing.reviewedByName && existing.reviewedAt
            ? ` · ${t("indicators.reviewedBy", { status: t(`indicatorValueStatus.${existing.status}`), name: existing.reviewedByName, date: format.date(existing.reviewedAt.slice(0, 10)) })}`
            : ""}
        </Text>
      )}
      {canValidate && existing && (
        <Group gap="xs" align="end">
          {existing.status === "entered" && (
            <>
              <Button
                size="xs"
                color="green"
                loading={review.isPending && review.variables === "validate"}
                onClick={() => review.mutate("validate")}
                aria-label={label("reviewAction.validate")}
              >
                {t("reviewAction.validate")}
              </Button>
              <TextInput
                size="xs"
                placeholder={t("indicators.returnWhy")}
                aria-label={label("indicators.returnWhy")}
                value={why}
                onChange={(e) => setWhy(e.currentTarget.value)}
                maxLength={1000}
              />
              <Button size="xs" variant="light" color="red" disabled={!why.trim()} onClick={() => review.mutate("return")}>
                {t("reviewAction.return")}
              </Button>
            </>
          )}
          {locked && (
            <Button
              size="xs"
              variant="default"
              onClick={() => review.mutate("reopen")}
              aria-label={label("reviewAction.reopen")}
            >
              {t("reviewAction.reopen")}
            </Button>
          )}
        </Group>
      )}
      {(save.isError || review.isError) && (
        <Text size="xs" c="red" role="alert">
          {errorText(save.error ?? review.error)}
        </Text>
      )}
      {save.isSuccess && !save.isPending && (
        <Text size="xs" role="status">
          {t("indicators.saved")}
        </Text>
      )}
    </Stack>
  );
}

/** The documents behind a value: listed with a link, added and removed while it is not validated. */
function Evidence({ value, editable, projectId }: { value: api.IndicatorValue; editable: boolean; projectId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      return upload(pathOf("addIndicatorEvidence", { id: value.id }), form, () => {});
    },
    onSuccess: () => refreshIndicators(client, projectId),
  });
  const remove = useMutation({
    mutationFn: (id: string) => send("deleteIndicatorEvidence", { params: { id } }),
    onSuccess: () => refreshIndicators(client, projectId),
  });
  if (value.documents.length === 0 && !editable) return null;
  return (
    <Group gap="xs">
      <Text size="xs" fw={600}>
        {t("indicators.evidence")}
      </Text>
      {value.documents.map((d) => (
        <Group gap={4} key={d.id}>
          <Anchor size="xs" href={hrefOf("indicatorEvidenceFile", { id: d.id })}>
            {d.title}
          </Anchor>
          {editable && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              aria-label={`${t("indicators.removeTarget")} ${d.title}`}
              onClick={() => remove.mutate(d.id)}
            >
              ×
            </Button>
          )}
        </Group>
      ))}
      {editable && (
        <FileButton onChange={(f) => f && add.mutate(f)}>
          {(props) => (
            <Button size="compact-xs" variant="default" loading={add.isPending} {...props}>
              {t("indicators.addEvidence")}
            </Button>
          )}
        </FileButton>
      )}
      {(add.isError || remove.isError) && (
        <Text size="xs" c="red" role="alert">
          {errorText(add.error ?? remove.error)}
        </Text>
      )}
    </Group>
  );
}
