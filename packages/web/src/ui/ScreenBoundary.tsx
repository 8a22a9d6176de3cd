// An error boundary around each screen: a fault while drawing one screen shows
// a message with a way back, never a white page. Nothing the user typed is lost
// by it: saved edits are on the server, and the failed one was never saved.
import { Alert, Button, Group, Text } from "@mantine/core";
import { Component, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

interface State {
  error: Error | null;
}

class Boundary extends Component<{ children: ReactNode; fallback: (error: Error, reset: () => void) => ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error("screen failed", error);
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, () => this.setState({ error: null })) : this.props.children;
  }
}

function ScreenFailed({ reset }: { reset: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" m="md" title={t("errors.screenFailed")}>
      <Text size="sm" mb="sm">
        {t("errors.screenFailedHelp")}
      </Text>
      <Group gap="xs">
        <Button size="xs" onClick={reset}>
          {t("errors.retry")}
        </Button>
        <Button size="xs" variant="default" onClick={() => window.location.reload()}>
          {t("errors.reload")}
        </Button>
      </Group>
    </Alert>
  );
}

/** Resets when the user goes to another screen. */
export function ScreenBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <Boundary key={location.pathname} fallback={(_error, reset) => <ScreenFailed reset={reset} />}>
      {children}
    </Boundary>
  );
}
