// The committees of the user's organisations and projects.
import { Anchor, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState, Loading } from "../ui/states.tsx";
import { useBodies } from "./queries.ts";

export default function BodiesPage() {
  const { t } = useTranslation();
  const bodies = useBodies();
  if (bodies.isError) return <ErrorState error={bodies.error} retry={() => void bodies.refetch()} />;
  if (!bodies.data) return <Loading />;
  return (
    <Stack>
      <Title order={2}>{t("committees.title")}</Title>
      {bodies.data.items.length === 0 ? (
        <Text c="dimmed">{t("committees.none")}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("committees.name")}</Table.Th>
              <Table.Th>{t("committees.kind")}</Table.Th>
              <Table.Th>{t("committees.owner")}</Table.Th>
              <Table.Th>{t("committees.sessions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bodies.data.items.map((body) => (
              <Table.Tr key={body.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/comites/${body.id}`}>
                    {body.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`bodyKind.${body.kind}`)}</Table.Td>
                <Table.Td>
                  {body.projectCode ? `${body.projectCode} — ${body.organisationName}` : body.organisationName}
                </Table.Td>
                <Table.Td>{body.meetingCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
