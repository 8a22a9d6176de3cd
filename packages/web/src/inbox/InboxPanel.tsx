// The home screen's inbox: plans waiting for the user's approval or
// endorsement and drafts returned to them, each kind with its count. The
// server decides what is there (GET /inbox); this shows it.
import { type api, awaiting, type Capability, type Grants, INBOX_KINDS, type InboxKind, RETURNED, ROLE_CAPABILITIES } from "@baara/core";
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../auth/session.tsx";
import { useFormat } from "../ui/format.ts";
import { ErrorState } from "../ui/states.tsx";
import { PlanStatusBadge } from "../ui/StatusBadge.tsx";
import { useInbox } from "./queries.ts";

type Item = api.InboxItem;

/** What each kind waits for: a capability of the user on the plan's project. */
const NEEDS: Record<InboxKind, Capability> = {
  approve: awaiting("approve").needs,
  endorse: awaiting("endorse").needs,
  returned: RETURNED.needs,
};

/** Whether the user holds a capability somewhere: only then is an empty kind of the inbox worth showing. */
function holdsSomewhere(grants: Grants | null, capability: Capability): boolean {
  if (!grants) return false;
  if (grants.platformAdmin) return ROLE_CAPABILITIES.platformAdmin.includes(capability);
  return grants.memberships.some((m) => ROLE_CAPABILITIES[m.role].includes(capability));
}

export function InboxPanel() {
  const { t } = useTranslation();
  const { grants } = useSession();
  const inbox = useInbox();
  if (inbox.isError) return <ErrorState error={inbox.error} retry={() => void inbox.refetch()} />;
  if (!inbox.data) return null;
  const { counts, items } = inbox.data;
  const total = counts.approve + counts.endorse + counts.returned;
  const kinds = INBOX_KINDS.filter((kind) => counts[kind] > 0 || holdsSomewhere(grants, NEEDS[kind]));
  if (kinds.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="inbox-title">
      <Group justify="space-between" mb={total > 0 ? "sm" : 0} gap="xs">
        <Title order={2} size="h4" id="inbox-title">
          {t("inbox.title")}
        </Title>
        <Group gap={6}>
          {kinds.map((kind) => (
            <Badge key={kind} variant={counts[kind] > 0 ? "filled" : "outline"} color={counts[kind] > 0 ? "indigo" : "gray"}>
              {t(`inbox.count.${kind}`, { n: counts[kind] })}
            </Badge>
          ))}
        </Group>
      </Group>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t("inbox.empty")}
        </Text>
      ) : (
        <Stack gap="md">
          {INBOX_KINDS.filter((kind) => counts[kind] > 0).map((kind) => (
            <InboxSection key={kind} kind={kind} items={items.filter((i) => i.kind === kind)} count={counts[kind]} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function InboxSection({ kind, items, count }: { kind: InboxKind; items: Item[]; count: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`inbox-${kind}`}>
      <Title order={3} size="h6" id={`inbox-${kind}`} mb={4}>
        {`${t(`inbox.heading.${kind}`)} (${count})`}
      </Title>
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((item) => (
          <InboxEntry key={item.workplan.id} item={item} />
        ))}
      </Stack>
      {items.length < count && (
        <Text size="xs" c="dimmed" mt={4}>
          {t("inbox.more", { shown: items.length, count })}
        </Text>
      )}
    </section>
  );
}

function InboxEntry({ item }: { item: Item }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { workplan, project, submitted, lastStep } = item;
  const by = (step: NonNullable<Item["lastStep"]>) => ({ ...format.instant(step.at), user: step.userName ?? t("inbox.someone") });
  return (
    <li className="inbox-entry">
      <Group justify="space-between" align="start" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: "1 1 260px" }}>
          <Group gap="xs" wrap="nowrap">
            <Anchor component={Link} to={`/workplans/${workplan.id}`} fw={600}>
              {t("inbox.plan", { year: workplan.year, version: workplan.planVersion })}
            </Anchor>
            <PlanStatusBadge status={workplan.status} />
          </Group>
          <Text size="sm" lineClamp={2}>
            <Text span size="sm" ff="monospace" fw={600}>
              {project.code}
            </Text>
            {` — ${project.title}`}
          </Text>
          <Text size="xs" c="dimmed">
            {submitted ? t("inbox.submitted", by(submitted)) : t("inbox.notSubmitted")}
          </Text>
          {item.kind === "endorse" && lastStep?.action === "approve" && (
            <Text size="xs" c="dimmed">
              {t("inbox.approved", by(lastStep))}
            </Text>
          )}
          {item.kind === "returned" && lastStep && (
            <Text size="xs" c="red.9">
              {lastStep.comment ? t("inbox.returnedWhy", { ...by(lastStep), comment: lastStep.comment }) : t("inbox.returned", by(lastStep))}
            </Text>
          )}
        </div>
        <Text size="sm" className="num">
          {format.money(workplan.total, project.currency)}
        </Text>
      </Group>
    </li>
  );
}
