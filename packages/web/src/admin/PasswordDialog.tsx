// A new password for someone who lost theirs, set by the platform
// administrator: it ends that person's sessions (the server does so).
import { type api, PASSWORD_MIN_LENGTH, TEXT_LIMITS } from "@baara/core";
import { Button, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { useRefreshPeople } from "./queries.ts";

export function PasswordDialog(props: { user: api.User; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const refresh = useRefreshPeople();
  const [password, setPassword] = useState("");
  const [tried, setTried] = useState(false);
  const short = password.length < PASSWORD_MIN_LENGTH;
  const save = useMutation({
    mutationFn: () => send("updateUser", { params: { id: props.user.id }, body: { password, version: props.user.version } }),
    onSuccess: () => {
      refresh();
      props.onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!short) save.mutate();
  };
  return (
    <Modal opened onClose={props.onClose} title={t("admin.people.resetPasswordFor", { name: props.user.name })}>
      <form onSubmit={submit}>
        <Stack>
          {save.isError && (
            <Text c="red" size="sm" role="alert">
              {errorText(save.error)}
            </Text>
          )}
          <PasswordInput
            label={t("admin.people.newPassword")}
            required
            data-autofocus
            autoComplete="new-password"
            value={password}
            maxLength={TEXT_LIMITS.password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            description={t("admin.people.passwordHelp", { min: PASSWORD_MIN_LENGTH })}
            error={tried && short ? t("admin.people.passwordShort", { min: PASSWORD_MIN_LENGTH }) : undefined}
          />
          <Text size="sm" c="dimmed">
            {t("admin.people.resetEffect")}
          </Text>
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
