// Create an organisation under a parent, or change one: its name, code, kind
// and its parent (a move). Only parents the user manages are offered, never
// the organisation itself nor what lies under it.
import { type api, ORGANISATION_KINDS } from "@baara/core";
import { Button, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { useSession } from "../auth/session.tsx";
import { LimitedText } from "../ui/LimitedText.tsx";
import { chainOf, flatten, organisationTree, subtreeIds } from "./organisation-tree.ts";
import { adminKeys, mayOnOrganisation, mayOnPlatform } from "./queries.ts";

type Organisation = api.Organisation;
type Kind = Organisation["kind"];
// Options of a Select need a value; ids are UUIDs, so a word cannot be one.
const ROOT = "root";

export function OrganisationDialog(props: {
  list: Organisation[];
  /** The organisation changed, or null to create one. */
  organisation: Organisation | null;
  parentId: string | null;
  onClose(): void;
  onSaved(saved: Organisation): void;
}) {
  const { organisation, list } = props;
  const { t, i18n } = useTranslation();
  const { grants } = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState(organisation?.name ?? "");
  const [code, setCode] = useState(organisation?.code ?? "");
  const [kind, setKind] = useState<Kind>(organisation?.kind ?? "unit");
  const [parentId, setParentId] = useState<string>(props.parentId ?? ROOT);

  const parents = useMemo(() => {
    const excluded = organisation ? subtreeIds(list, organisation.id) : new Set<string>();
    // The current parent stays on offer even where the user may not place anything else (keeping it is no move).
    const current = props.parentId ?? ROOT;
    const options = flatten(organisationTree(list, i18n.language))
      .filter(({ organisation: o }) =>
        o.id === current || (!excluded.has(o.id) && mayOnOrganisation(grants, chainOf(list, o.id), "organisation.manage")))
      .map(({ organisation: o, depth }) => ({ value: o.id, label: `${"· ".repeat(depth)}${o.name}` }));
    const root = current === ROOT || mayOnPlatform(grants, "organisation.createRoot")
      ? [{ value: ROOT, label: t("admin.organisations.noParent") }]
      : [];
    return [...root, ...options];
  }, [list, organisation, props.parentId, grants, i18n.language, t]);

  const save = useMutation({
    mutationFn: () => {
      const parent = parentId === ROOT ? null : parentId;
      return organisation
        ? send("updateOrganisation", {
            params: { id: organisation.id },
            body: {
              name,
              code,
              kind,
              ...(parent !== organisation.parentId ? { parentId: parent } : {}),
              version: organisation.version,
            },
          })
        : send("createOrganisation", { body: { name, code, kind, parentId: parent } });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.organisations });
      props.onSaved(saved);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Modal opened onClose={props.onClose} title={organisation ? t("admin.organisations.edit") : t("admin.organisations.create")}>
      <form onSubmit={submit}>
        <Stack>
          {save.isError && (
            <Text c="red" size="sm" role="alert">
              {errorText(save.error)}
            </Text>
          )}
          <LimitedText limit="organisationName" label={t("admin.organisations.name")} required value={name} onChange={setName} data-autofocus />
          <LimitedText limit="organisationCode" label={t("admin.organisations.code")} required value={code} onChange={setCode} />
          <Select
            label={t("admin.organisations.kind")}
            value={kind}
            onChange={(v) => v && setKind(v as Kind)}
            allowDeselect={false}
            data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKind.${k}`) }))}
          />
          <Select
            label={t("admin.organisations.parent")}
            value={parentId}
            onChange={(v) => setParentId(v ?? ROOT)}
            allowDeselect={false}
            searchable
            data={parents}
            description={organisation ? t("admin.organisations.moveHelp") : undefined}
          />
          <Group justify="end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
