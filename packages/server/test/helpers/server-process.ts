// A real Baara server in a process of its own, on a loopback port, driven over
// HTTP with fetch as a browser would (cookies, CSRF header): for what only
// shows when several processes share one database.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { dirname, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

const bin = resolve(dirname(fileURLToPath(import.meta.url)), "../../bin/baara.js");

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote, for the failure message. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

let nextPort = 21000 + Math.floor(Math.random() * 20000);

/** Starts `baara serve` (or `script serve`) with `env` and waits until it is ready (GET /api/v1/ready is 200). */
export async function startServer(env: Record<string, string>, timeoutMs = 90_000, script = bin): Promise<ServerProcess> {
  const port = nextPort++;
  const child = spawn(process.execPath, [script, "serve"], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    const status = await fetch(`${server.url}/api/v1/ready`).then((r) => r.status, () => 0);
    if (status === 200) return server;
    if (Date.now() - started > timeoutMs) {
      await server.stop();
      throw new Error(`server not ready after ${timeoutMs} ms:\n${output}`);
    }
    await sleep(200);
  }
}

/** A browser's session: the cookies it was given and the CSRF token of its session. */
export class Browser {
  private cookies = new Map<string, string>();
  csrfToken = "";
  userId = "";

  /** Sends a request to `server`; JSON bodies are encoded, writes carry the CSRF header. */
  async send(server: ServerProcess, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    // FormData (an upload) sets its own content type; anything else is sent as JSON.
    const raw = body instanceof FormData;
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined && !raw ? { "content-type": "application/json" } : {}),
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
        ...(method !== "GET" && this.csrfToken ? { "x-csrf-token": this.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString("utf8");
    return {
      status: response.status,
      bytes,
      text,
      json: <T = Record<string, unknown>>() => JSON.parse(text) as T,
    };
  }

  async login(server: ServerProcess, email: string, password: string) {
    const response = await this.send(server, "POST", "/auth/login", { email, password });
    if (response.status === 200) {
      const session = response.json<{ csrfToken: string; user: { id: string } }>();
      this.csrfToken = session.csrfToken;
      this.userId = session.user.id;
    }
    return response;
  }
}
