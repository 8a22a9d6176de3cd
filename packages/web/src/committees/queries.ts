// The committee screens' server state: one key per record, and after any
// write the session, its committee, the lists and the reminders move together.
import { type api, type RecommendationStatus } from "@baara/core";
import { type QueryClient, useQuery } from "@tanstack/react-query";
import { send } from "../api/client.ts";

export const committeeKeys = {
  all: ["committees"] as const,
  bodies: ["committees", "bodies"] as const,
  body: (id: string) => ["committees", "body", id] as const,
  meetings: (bodyId: string) => ["committees", "body", bodyId, "meetings"] as const,
  meeting: (id: string) => ["committees", "meeting", id] as const,
  recommendations: (filters: RecommendationFilters) => ["committees", "recommendations", filters] as const,
  rates: (filters: RecommendationFilters) => ["committees", "rates", filters] as const,
  due: ["committees", "due"] as const,
};

export interface RecommendationFilters {
  status?: RecommendationStatus;
  responsible?: string;
  dueBefore?: string;
  bodyId?: string;
}

export const useBodies = () =>
  useQuery({ queryKey: committeeKeys.bodies, queryFn: () => send("listBodies", { query: { pageSize: 500 } }) });

export const useBody = (id: string) =>
  useQuery({ queryKey: committeeKeys.body(id), queryFn: () => send("getBody", { params: { id } }) });

export const useMeetings = (bodyId: string) =>
  useQuery({ queryKey: committeeKeys.meetings(bodyId), queryFn: () => send("listMeetings", { params: { id: bodyId } }) });

export const useMeeting = (id: string) =>
  useQuery({ queryKey: committeeKeys.meeting(id), queryFn: () => send("getMeeting", { params: { id } }) });

export const useRecommendations = (filters: RecommendationFilters) =>
  useQuery({
    queryKey: committeeKeys.recommendations(filters),
    queryFn: () => send("listRecommendations", { query: { ...filters, pageSize: 500 } }),
  });

export const useRecommendationRates = (filters: RecommendationFilters) =>
  useQuery({ queryKey: committeeKeys.rates(filters), queryFn: () => send("recommendationRates", { query: filters }) });

export const useDueRecommendations = () =>
  useQuery({ queryKey: committeeKeys.due, queryFn: () => send("dueRecommendations", {}) });

/** After a write: the session as the server answered it, and everything that counts recommendations. */
export async function afterMeetingWrite(client: QueryClient, meeting: api.Meeting): Promise<void> {
  client.setQueryData(committeeKeys.meeting(meeting.id), meeting);
  await client.invalidateQueries({
    queryKey: committeeKeys.all,
    predicate: (q) => q.queryKey[1] !== "meeting" || q.queryKey[2] !== meeting.id,
  });
}
