import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { AppError } from "../http/errors.ts";
import { route } from "../http/route.ts";
import { readinessProblems } from "./readiness.ts";

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  // Health: the process answers (restarting it is the cure when it does not).
  route(app, api.routes.health, async () => {
    await app.database.ping();
    return { status: "ok" as const, database: app.database.kind };
  });

  // Readiness: a proxy may send requests here (taking it out of rotation is the cure).
  route(app, api.routes.ready, async () => {
    const problems = await readinessProblems(app.database, app.services.files);
    const failing = Object.keys(problems);
    if (failing.length > 0) {
      // The reasons go to the log: this answer is public and must not show paths or addresses.
      app.log.warn({ problems }, "not ready");
      throw new AppError("NOT_READY", { failing: failing.join(", ") }, { failing });
    }
    return { status: "ready" as const, checks: { database: "ok", migrations: "ok", storage: "ok" } as const };
  });
}
