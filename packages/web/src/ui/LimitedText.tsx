// A text field with the server's limit for it shown as a live counter
// (« 12 / 300 caractères »). Text beyond the limit is not taken: typing stops
// there and a pasted text is cut, with a message saying so, so a user learns
// the limit before sending rather than from the server's refusal after.
// A report's fields carry their own limit (the donor's form sets it) and are
// counted as the server counts them: a letter with its accent is one character.
import { characterCount, type LimitedField, TEXT_LIMITS } from "@baara/core";
import { Textarea, TextInput } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "./format.ts";

interface LimitedTextProps {
  /** Which field's limit applies (core's TEXT_LIMITS), or a report field's own limit in characters. */
  limit: LimitedField | number;
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
  /** A text area grows up to this many rows, then scrolls. */
  maxRows?: number;
  readOnly?: boolean;
  "data-autofocus"?: boolean;
}

/** Near the limit, the counter says so in colour too. */
const NEAR = 0.9;

/** A report field's text as the server counts it and cuts it: in characters, not UTF-16 units. */
const characters = {
  count: characterCount,
  cut: (text: string, max: number) => [...text.normalize("NFC")].slice(0, max).join(""),
};
const units = { count: (text: string) => text.length, cut: (text: string, max: number) => text.slice(0, max) };

export function LimitedText({ limit, value, onChange, description, error, rows, maxRows = 12, ...field }: LimitedTextProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const own = typeof limit === "number";
  const max = own ? limit : TEXT_LIMITS[limit];
  const measure = own ? characters : units;
  const [cut, setCut] = useState(false);
  const take = (next: string) => {
    const over = measure.count(next) > max;
    setCut(over);
    onChange(over ? measure.cut(next, max) : next);
  };
  const used = measure.count(value);
  // A field with its own limit names itself and the limit: the message is read alone, by a screen reader too.
  const cutText = own ? t("limits.cutNamed", { label: field.label, max: format.number(max) }) : t("limits.cut");
  const counter = (
    <span className="limit-counter" data-near={used >= max * NEAR || undefined}>
      {t("limits.counter", { used: format.number(used), max: format.number(max) })}
      {cut && <span role="status">{` — ${cutText}`}</span>}
    </span>
  );
  // The counter goes under the field, where the eye is while typing; a text cut at the limit is still valid, not an error.
  // A field that is only read has no counter, and looks read: filled, not framed for typing.
  const shown = {
    ...field,
    value,
    error,
    variant: field.readOnly ? "filled" : undefined,
    inputWrapperOrder: ["label", "input", "description", "error"] as ("label" | "input" | "description" | "error")[],
    description: field.readOnly ? description : description ? (
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
    <Textarea {...shown} autosize minRows={rows} maxRows={maxRows} onChange={(e) => take(e.currentTarget.value)} />
  ) : (
    <TextInput {...shown} onChange={(e) => take(e.currentTarget.value)} />
  );
}
