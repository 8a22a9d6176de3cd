// A text field with the server's limit for it shown as a live counter
// (« 12 / 300 caractères »). Text beyond the limit is not taken: typing stops
// there and a pasted text is cut, with a message saying so, so a user learns
// the limit before sending rather than from the server's refusal after.
import { type LimitedField, TEXT_LIMITS } from "@baara/core";
import { Textarea, TextInput } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "./format.ts";

interface LimitedTextProps {
  /** Which field's limit applies (core's TEXT_LIMITS). */
  limit: LimitedField;
  label: string;
  value: string;
  onChange(value: string): void;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  placeholder?: string;
  type?: "text" | "email";
  autoComplete?: string;
  /** A text area that grows with its text, from this many rows. */
  rows?: number;
  "data-autofocus"?: boolean;
}

/** Near the limit, the counter says so in colour too. */
const NEAR = 0.9;

export function LimitedText({ limit, value, onChange, description, error, rows, ...field }: LimitedTextProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const max = TEXT_LIMITS[limit];
  const [cut, setCut] = useState(false);
  const take = (next: string) => {
    setCut(next.length > max);
    onChange(next.length > max ? next.slice(0, max) : next);
  };
  const counter = (
    <span className="limit-counter" data-near={value.length >= max * NEAR || undefined}>
      {t("limits.counter", { used: format.number(value.length), max: format.number(max) })}
      {cut && <span role="status">{` — ${t("limits.cut")}`}</span>}
    </span>
  );
  // The counter goes under the field, where the eye is while typing; a text cut at the limit is still valid, not an error.
  const shown = {
    ...field,
    value,
    error,
    inputWrapperOrder: ["label", "input", "description", "error"] as ("label" | "input" | "description" | "error")[],
    description: description ? (
      <>
        {description}
        {" · "}
        {counter}
      </>
    ) : (
      counter
    ),
  };
  return rows ? (
    <Textarea {...shown} autosize minRows={rows} maxRows={12} onChange={(e) => take(e.currentTarget.value)} />
  ) : (
    <TextInput {...shown} onChange={(e) => take(e.currentTarget.value)} />
  );
}
