// A small « ? » beside a word the glossary explains; it opens the glossary at
// that word in a new tab, so the work in progress stays where it is.
import { ActionIcon, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { helpHref } from "./glossary.ts";

export function HelpLink({ id, term }: { id: string; term: string }) {
  const { t } = useTranslation();
  const label = t("help.linkTo", { term });
  return (
    <Tooltip label={label}>
      <ActionIcon component="a" href={helpHref(id)} target="_blank" rel="noopener" variant="subtle" size="sm" radius="xl" aria-label={label}>
        ?
      </ActionIcon>
    </Tooltip>
  );
}
