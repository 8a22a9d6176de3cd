import "@mantine/core/styles.css";
import "./ui/app.css";
import { createTheme, MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { ApiError } from "./api/client.ts";
import { App } from "./App.tsx";
import { SessionProvider } from "./auth/session.tsx";
import "./i18n/i18n.ts";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// Indigo at shade 8 keeps text and buttons above the WCAG AA contrast ratio (4.5:1) on white.
const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: 8,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
});

// After an upgrade, an open tab may ask for a screen chunk that no longer exists: reload once to get the new app.
window.addEventListener("vite:preloadError", () => {
  if (sessionStorage.getItem("baara.reloaded") === "1") return;
  sessionStorage.setItem("baara.reloaded", "1");
  window.location.reload();
});
window.addEventListener("load", () => setTimeout(() => sessionStorage.removeItem("baara.reloaded"), 10_000));

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <App />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
