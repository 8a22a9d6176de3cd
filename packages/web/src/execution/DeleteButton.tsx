// A « ✕ » that asks before it deletes: one click never removes a record, and
// a second Enter on the next row's button cannot either.
import { ActionIcon, Button, Group, Popover, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export function DeleteButton({ label, question, onConfirm }: { label: string; question: string; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="left" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" color="red" aria-label={label} onClick={() => setOpened((o) => !o)}>
          ✕
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" mb="xs" maw={280}>
          {question}
        </Text>
        <Group gap="xs" justify="end">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t("common.cancel")}
          </Button>
          <Button
            size="xs"
            color="red"
            onClick={() => {
              setOpened(false);
              onConfirm();
            }}
          >
            {t("execution.delete")}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
