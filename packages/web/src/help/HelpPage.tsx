// /aide: the words of the planning cycle as Baara uses them (PTBA, version,
// submit, endorse, finding, typed amount…) and who may do what. The screens
// link to an entry by its anchor.
import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { GLOSSARY } from "./glossary.ts";
import { RoleRules } from "./RoleRules.tsx";

export default function HelpPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const current = decodeURIComponent(hash.slice(1));
  useEffect(() => {
    if (current) document.getElementById(current)?.scrollIntoView({ block: "start" });
  }, [current]);
  return (
    <Stack maw={980}>
      <div>
        <Title order={2}>{t("help.title")}</Title>
        <Text c="dimmed">{t("help.intro")}</Text>
      </div>
      <Group gap="md" component="nav" aria-label={t("help.contents")}>
        {GLOSSARY.map(({ theme }) => (
          <Anchor key={theme} href={`#theme-${theme}`}>
            {t(`help.theme.${theme}`)}
          </Anchor>
        ))}
        <Anchor href="#roles">{t("help.theme.roles")}</Anchor>
      </Group>
      {GLOSSARY.map(({ theme, entries }) => (
        <Paper key={theme} withBorder p="md" component="section" aria-labelledby={`theme-${theme}`}>
          <Title order={3} size="h4" id={`theme-${theme}`} mb="sm">
            {t(`help.theme.${theme}`)}
          </Title>
          <dl className="glossary">
            {entries.map(({ id, term }) => (
              <div key={id} id={id} className="glossary-entry" data-current={id === current || undefined}>
                <dt>{t(term)}</dt>
                <dd>{t(`help.define.${id}`)}</dd>
              </div>
            ))}
          </dl>
        </Paper>
      ))}
      <Paper withBorder p="md" component="section" aria-labelledby="roles">
        <Title order={3} size="h4" id="roles" mb="sm">
          {t("help.theme.roles")}
        </Title>
        <RoleRules />
      </Paper>
    </Stack>
  );
}
