// Load on the real HTTP server with autocannon; every response's time goes into
// an HDR histogram, which gives the p95 that autocannon's own summary lacks.
import autocannon from "autocannon";
import hdr from "hdr-histogram-js";

export interface Latency {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  rps: number;
  requests: number;
  errors: number;
  /** Answers other than 2xx, by status: what the errors were. */
  statuses?: Record<string, number>;
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface LoadRequest {
  method: "GET" | "POST" | "PATCH";
  /** Called for each request: the path under /api/v1 and a JSON body for writes. */
  next(): { path: string; body?: unknown };
}

/** Signs `email` in and answers the cookie and CSRF token a browser would send. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, csrfToken };
}

/** `connections` clients send `requests` in turn (each connection cycles through the list) for `seconds`. */
export async function measure(
  baseUrl: string,
  sessions: Session[],
  requests: LoadRequest[],
  options: { connections: number; seconds: number },
): Promise<Latency> {
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });
  let session = 0;
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: baseUrl,
      connections: options.connections,
      duration: options.seconds,
      requests: requests.map((request) => ({
        method: request.method,
        setupRequest: (req) => {
          const { path, body } = request.next();
          const who = sessions[session++ % sessions.length];
          return {
            ...req,
            method: request.method,
            path: `/api/v1${path}`,
            headers: {
              ...(who ? { cookie: who.cookie } : {}),
              ...(request.method !== "GET" && who ? { "x-csrf-token": who.csrfToken } : {}),
              ...(body === undefined ? {} : { "content-type": "application/json" }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          };
        },
      })),
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  // Microseconds: the histogram counts integers.
  const statuses: Record<string, number> = {};
  instance.on("response", (_client, status, _bytes, responseTime) => {
    histogram.recordValue(Math.round(responseTime * 1000));
    if (status >= 300) statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await done;
  // Requests with no answer: cut after autocannon's 10 s timeout, or lost with their connection.
  if (result.timeouts > 0) statuses.timeout = result.timeouts;
  if (result.errors > result.timeouts) statuses["connection error"] = result.errors - result.timeouts;
  const at = (p: number) => Math.round(histogram.getValueAtPercentile(p) / 10) / 100;
  const latency = {
    p50Ms: at(50),
    p95Ms: at(95),
    p99Ms: at(99),
    rps: Math.round((result.requests.total / options.seconds) * 10) / 10,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    ...(Object.keys(statuses).length > 0 ? { statuses } : {}),
  };
  histogram.destroy();
  return latency;
}
