// The budget-revision rule beside a comparison of two plan versions: each
// budget category (account) the revision moves by more than 15 % needs the
// steering committee's decision (UN PBF); the session that gave it, once given.
import { Alert, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { send } from "../api/client.ts";
import { useFormat } from "../ui/format.ts";

export function RevisionRule({
  revisedId,
  earlierId,
  currency,
}: {
  revisedId: string;
  earlierId: string;
  currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const check = useQuery({
    queryKey: ["revision-check", revisedId, earlierId],
    queryFn: () => send("revisionCheck", { params: { id: revisedId }, query: { with: earlierId } }),
  });
  const data = check.data;
  if (!data) return null;
  const threshold = `${format.number(data.threshold)}\u00a0%`;
  const flagged = data.categories.filter((c) => c.needsSteeringCommittee);
  if (!data.needsSteeringCommittee) {
    return (
      <Text size="sm" c="dimmed" data-testid="revision-rule">
        {t("committees.revisionUnder", { threshold })}
      </Text>
    );
  }
  return (
    <Alert
      color={data.decidedAt ? "teal" : "orange"}
      title={t("committees.revisionOver", { threshold })}
      data-testid="revision-rule"
    >
      {data.decidedAt && (
        <Text size="sm" mb="xs">
          {t("committees.revisionDecided", { body: data.decidedAt.bodyName, date: format.date(data.decidedAt.date) })}
        </Text>
      )}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("committees.category")}</Table.Th>
            <Table.Th>{t("committees.before")}</Table.Th>
            <Table.Th>{t("committees.after")}</Table.Th>
            <Table.Th>{t("committees.share")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {flagged.map((c) => (
            <Table.Tr key={c.key ?? ""}>
              <Table.Td>
                {[c.key, c.label !== c.key ? c.label : null].filter(Boolean).join(" ") || t("committees.noCategory")}
              </Table.Td>
              <Table.Td>{format.amount(c.before, currency)}</Table.Td>
              <Table.Td>{format.amount(c.after, currency)}</Table.Td>
              <Table.Td>{c.share === null ? t("committees.newCategory") : format.rate(c.share)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
