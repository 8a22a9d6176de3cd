// The fields a person fills in a report, whatever its template: text with its
// limit and live counter (text beyond the limit is not taken, the message
// naming the field and the limit), short lines, amounts in the project's
// currency; the fields repeated per outcome grouped under the outcome's title.
import { type CurrencyCode, isCurrencyCode, parseAmount } from "@baara/core";
import { Stack, TextInput, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { type Formatter, useFormat } from "../ui/format.ts";
import { LimitedText } from "../ui/LimitedText.tsx";
import { type Field, fieldGroups } from "./fields.ts";

interface FieldsProps {
  fields: Field[];
  value(key: string): string;
  onChange(key: string, value: string): void;
  readOnly: boolean;
  currency: string;
  /** What the server refused, by field key. */
  errors: Record<string, string>;
}

/** An amount field's value that is not one: the message naming the field, as the server would give it. */
export function amountProblem(t: TFunction, field: Field, value: string, currency: string): string | null {
  if (field.kind !== "amount" || value.trim() === "" || !isCurrencyCode(currency)) return null;
  return parseAmount(value, currency).ok ? null : t("messages.REPORT_AMOUNT_INVALID", { label: field.label, value });
}

export function ReportFields({ fields, value, onChange, readOnly, currency, errors }: FieldsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="md">
      {fieldGroups(fields).flatMap((group) => {
        const inputs = group.fields.map((field) => (
          <FieldInput
            // Drawn anew once it is only read: a text area's height follows its new number of rows.
            key={`${field.key}-${readOnly}`}
            field={field}
            value={value(field.key)}
            onChange={(v) => onChange(field.key, v)}
            readOnly={readOnly}
            currency={currency}
            error={errors[field.key] ?? amountProblem(t, field, value(field.key), currency) ?? undefined}
            format={format}
            t={t}
          />
        ));
        if (!group.outcome) return inputs;
        const id = `outcome-${group.outcome.code}`;
        return [
          <section key={id} aria-labelledby={id} className="report-outcome">
            <Title order={4} size="h5" id={id} mb="xs">
              {t("reports.outcome", { code: group.outcome.code, title: group.outcome.title })}
            </Title>
            <Stack gap="md">{inputs}</Stack>
          </section>,
        ];
      })}
    </Stack>
  );
}

interface FieldInputProps {
  field: Field;
  value: string;
  onChange(value: string): void;
  readOnly: boolean;
  currency: string;
  error: string | undefined;
  format: Formatter;
  t: TFunction;
}

function FieldInput({ field, value, onChange, readOnly, currency, error, format, t }: FieldInputProps) {
  // A field of an outcome is named with it, so that a screen reader and a message tell them apart.
  const label = field.outcome ? t("reports.outcomeField", { label: field.label, code: field.outcome.code }) : field.label;
  if (field.kind === "amount") {
    const shown = value.trim() && !error && isCurrencyCode(currency) ? format.money(value, currency as CurrencyCode) : "";
    return (
      <TextInput
        label={label}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        readOnly={readOnly}
        variant={readOnly ? "filled" : undefined}
        inputMode="decimal"
        error={error}
        description={
          shown ? t("reports.amountShown", { amount: shown }) : readOnly ? undefined : t("reports.amountIn", { currency })
        }
        inputWrapperOrder={["label", "input", "description", "error"]}
        styles={{ input: { textAlign: "right", fontVariantNumeric: "tabular-nums" } }}
        maw={320}
      />
    );
  }
  return (
    <LimitedText
      limit={field.limit}
      label={label}
      value={value}
      onChange={onChange}
      readOnly={readOnly}
      placeholder={readOnly ? t("common.none") : undefined}
      error={error}
      // Text to write has room for it; text to read takes the room it needs.
      rows={field.kind === "text" ? (readOnly ? 1 : 4) : undefined}
      maxRows={16}
    />
  );
}
