import { Alert, Button, Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorText } from "../api/client.ts";

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Loader role="status" aria-label={t("common.loading")} />
    </Center>
  );
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" m="md">
      {errorText(error)}
      {retry && (
        <Button variant="subtle" size="compact-sm" ml="sm" onClick={retry}>
          {t("errors.retry")}
        </Button>
      )}
    </Alert>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" m="md">
      {t("errors.notFound")}
    </Alert>
  );
}
