// Administration: organisations (a tree), people and their accounts, roles,
// and the rules of who may do what. For administrators of an organisation and
// of the platform; anyone else who comes here is told so, and the server
// refuses their requests anyway.
import { mayAdminister } from "@baara/core";
import { Alert, Anchor, Stack, Tabs, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useSession } from "../auth/session.tsx";
import { RoleRules } from "../help/RoleRules.tsx";
import { OrganisationsPanel } from "./OrganisationsPanel.tsx";
import { UsersPanel } from "./UsersPanel.tsx";

const TABS = ["organisations", "people", "rules"] as const;
type Tab = (typeof TABS)[number];

export default function AdminPage() {
  const { t } = useTranslation();
  const { grants } = useSession();
  const [params, setParams] = useSearchParams();
  if (!mayAdminister(grants)) return <NotAllowed />;
  const tab: Tab = TABS.find((name) => name === params.get("tab")) ?? "organisations";
  return (
    <Stack>
      <div>
        <Title order={2}>{t("admin.title")}</Title>
        <Text size="sm" c="dimmed">
          {grants?.platformAdmin ? t("admin.introPlatform") : t("admin.introOrganisation")}
        </Text>
      </div>
      <Tabs value={tab} onChange={(value) => setParams(value && value !== "organisations" ? { tab: value } : {})} keepMounted={false}>
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`admin.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="organisations" pt="md">
          <OrganisationsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <RoleRules />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function NotAllowed() {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <Title order={2}>{t("admin.notAllowed.title")}</Title>
      <Alert color="orange" role="alert">
        {t("admin.notAllowed.body")}
      </Alert>
      <Text size="sm">{t("admin.notAllowed.who")}</Text>
      <Anchor component={Link} to="/">
        {t("admin.notAllowed.back")}
      </Anchor>
    </Stack>
  );
}
