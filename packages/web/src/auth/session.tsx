import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { send, setCsrfToken, setUnauthenticatedHandler } from "../api/client.ts";
import type { Grants } from "@baara/core";
import type { SessionResponse, User } from "../api/types.ts";
import { currentLanguage, type Language, setLanguage } from "../i18n/i18n.ts";

interface SessionState {
  /** undefined while the first check runs. */
  user: User | null | undefined;
  /** The user's roles, for showing only usable controls (the server decides again on every request). */
  grants: Grants | null;
  expired: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  changeLanguage(language: Language): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [memberships, setMemberships] = useState<SessionResponse["memberships"]>([]);
  const [expired, setExpired] = useState(false);

  const adopt = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setMemberships(session.memberships);
    setExpired(false);
    if (session.user.locale !== currentLanguage()) setLanguage(session.user.locale);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setUser((previous) => {
        if (previous) setExpired(true);
        return null;
      });
      setCsrfToken(null);
    });
    // Any failure (401, or a server that does not answer) shows the sign-in screen.
    send("session", {}).then(adopt, () => setUser(null));
  }, [adopt]);

  const value = useMemo<SessionState>(
    () => ({
      user,
      grants: user ? { platformAdmin: user.isPlatformAdmin, memberships } : null,
      expired,
      async login(email, password) {
        adopt(await send("login", { body: { email, password } }));
      },
      async logout() {
        await send("logout", {}).catch(() => undefined);
        setCsrfToken(null);
        setUser(null);
      },
      async changeLanguage(language) {
        setLanguage(language);
        if (user && user.locale !== language) {
          const updated = await send("updateUser", {
            params: { id: user.id },
            body: { locale: language, version: user.version },
          });
          setUser(updated);
        }
      },
    }),
    [user, memberships, expired, adopt],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}
