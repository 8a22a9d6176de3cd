import { useQuery } from "@tanstack/react-query";
import { send } from "../api/client.ts";

/** Invalidated by every workflow step, so the home screen's inbox follows. */
export const inboxKey = ["inbox"] as const;

export function useInbox() {
  return useQuery({ queryKey: inboxKey, queryFn: () => send("inbox", {}) });
}
