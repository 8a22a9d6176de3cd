import { mayAdminister } from "@baara/core";
import { Anchor, AppShell, Box, Button, Group, Menu, SegmentedControl, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../auth/session.tsx";
import type { Language } from "../i18n/i18n.ts";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { changeLanguage } = useSession();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("nav.language")}
      value={i18n.language}
      onChange={(value) => void changeLanguage(value as Language)}
      data={[
        { value: "fr", label: "FR" },
        { value: "en", label: "EN" },
      ]}
    />
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, grants, logout } = useSession();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Anchor component={Link} to="/" underline="never" c="indigo.8">
              <Title order={1} size="h3">
                {t("app.name")}
              </Title>
            </Anchor>
            <Anchor component={Link} to="/">
              {t("nav.portfolio")}
            </Anchor>
            <Anchor component={Link} to="/comites" visibleFrom="sm">
              {t("committees.nav")}
            </Anchor>
            <Anchor component={Link} to="/recommandations" visibleFrom="md">
              {t("committees.navRecommendations")}
            </Anchor>
            {mayAdminister(grants) && (
              <Anchor component={Link} to="/admin" visibleFrom="sm">
                {t("admin.nav")}
              </Anchor>
            )}
            <Anchor component={Link} to="/verifier-un-document" visibleFrom="sm">
              {t("documentCheckScreen.nav")}
            </Anchor>
            <Anchor component={Link} to="/aide">
              {t("help.nav")}
            </Anchor>
          </Group>
          {/* A phone keeps the portfolio link; the language and signing out go into a menu. */}
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" size="xs" hiddenFrom="sm">
                {t("editorUx.menu")}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t("nav.signedInAs", { name: user?.name })}</Menu.Label>
              <Box px="sm" py={4}>
                <LanguageSwitch />
              </Box>
              <Menu.Item onClick={() => void logout()}>{t("nav.logout")}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Group gap="sm" wrap="nowrap" visibleFrom="sm">
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t("nav.signedInAs", { name: user?.name })}
            </Text>
            <LanguageSwitch />
            <Button variant="default" size="xs" onClick={() => void logout()}>
              {t("nav.logout")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main">{children}</AppShell.Main>
    </AppShell>
  );
}
