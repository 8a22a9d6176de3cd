// One way to call the API: same-origin cookie session, CSRF header on writes,
// the user's language for server messages, errors as ApiError with the
// server's stable code. `send` takes a route of the shared route table, so
// its path, parameters, body and answer are those the server declares.
import { type api as apiTypes, type RouteName, routePaths } from "@baara/core";
import type * as z from "zod";
import i18n from "../i18n/i18n.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (expired, or signed out elsewhere). */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "accept-language": i18n.language };
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("errors.network"), null);
  }
  return readResponse<T>(response, path);
}

async function readResponse<T>(response: Response, path: string): Promise<T> {
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;
  const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (response.status === 401 && !path.startsWith("/auth/login")) onUnauthenticated();
  throw new ApiError(
    response.status,
    error?.code ?? "HTTP_" + response.status,
    error?.message ?? i18n.t("errors.unexpected"),
    error?.details ?? null,
  );
}

type Spec = apiTypes.RouteSpec;
type Field<S, K extends keyof Spec> = S extends { [P in K]: z.ZodType } ? S[K] : never;
// Distributed over the routes as a whole: three parts each distributed on its own would multiply (routes³ members).
type Input<S extends Spec> = S extends Spec
  ? (S extends { params: z.ZodType } ? { params: z.input<Field<S, "params">> } : { params?: never })
  & (S extends { query: z.ZodType } ? { query?: Partial<z.input<Field<S, "query">>> } : { query?: never })
  & (S extends { body: z.ZodType } ? { body: z.input<Field<S, "body">> } : { body?: never })
  : never;
export type Answer<S extends Spec> = S extends { response: z.ZodType } ? z.output<Field<S, "response">> : undefined;

/** The URL of a route, its `:name` parameters filled in and its query appended. */
export function pathOf(name: RouteName, params: Record<string, string> = {}, query: Record<string, unknown> = {}): string {
  const spec = routePaths[name];
  const path = spec.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${spec.path}: no ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The address of a route for the browser itself (a download link). */
export function hrefOf(name: RouteName, params: Record<string, string> = {}, query: Record<string, unknown> = {}): string {
  return `/api/v1${pathOf(name, params, query)}`;
}

/**
 * Calls a route of the route table by name. Only its method and path are
 * loaded (core/api/paths.ts); its schemas give the types, not code.
 */
export function send<N extends RouteName>(name: N, input: Input<apiTypes.Routes[N]>): Promise<Answer<apiTypes.Routes[N]>> {
  const { params, query, body } = input as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  return request<Answer<apiTypes.Routes[N]>>(routePaths[name].method, pathOf(name, params, query), body);
}

/**
 * Uploads a form with progress (fetch cannot report upload progress).
 * `onProgress` receives 0–1.
 */
export function upload<T>(path: string, form: FormData, onProgress: (ratio: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1${path}`);
    xhr.setRequestHeader("accept-language", i18n.language);
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", i18n.t("errors.network"), null));
    xhr.onload = () => {
      onProgress(1);
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status });
      readResponse<T>(response, path).then(resolve, reject);
    };
    xhr.send(form);
  });
}

/** The message to show for any error, naming the field when the server named one. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t("errors.unexpected");
  const details = Array.isArray(error.details) ? (error.details as { field?: string; message?: string }[]) : [];
  const fields = details.filter((d) => d.message).map((d) => (d.field ? `${d.field} : ${d.message}` : d.message));
  return fields.length > 0 ? `${error.message} ${fields.join(" ; ")}` : error.message;
}
