// The HTTP application: the REST API under /api/v1, its OpenAPI at /api/docs,
// and the web app at /.
import { existsSync } from "node:fs";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler } from "fastify-type-provider-zod";
import { activityRoutes } from "./activities/routes.ts";
import { auditRoutes } from "./audit/routes.ts";
import { committeeRoutes } from "./committees/routes.ts";
import { registerAuthHooks } from "./auth/hooks.ts";
import { authRoutes } from "./auth/routes.ts";
import type { Services } from "./context.ts";
import type { Database } from "./db/client.ts";
import { fileStoreFromEnv } from "./files/store.ts";
import { frameworkRoutes } from "./framework/routes.ts";
import { exportRoutes } from "./exports/routes.ts";
import { executionRoutes } from "./execution/routes.ts";
import { indicatorRoutes } from "./indicators/routes.ts";
import { executionDashboardRoutes } from "./execution-dashboards/routes.ts";
import { healthRoutes } from "./health/routes.ts";
import { registerErrorHandling } from "./http/error-handler.ts";
import { type HeavyLimits, heavyLimitsFromEnv, registerHeavyLimit } from "./http/heavy-limit.ts";
import { type HttpSecurity, httpSecurityFromEnv, registerSecurityHeaders } from "./http/security.ts";
import "./http/types.ts";
import { zodValidatorCompiler } from "./http/validation.ts";
import { registerImportJobs } from "./imports/jobs.ts";
import { registerReportJobs } from "./reports/job.ts";
import { reportRoutes } from "./reports/routes.ts";
import { documentRoutes } from "./documents/routes.ts";
import { importRoutes } from "./imports/routes.ts";
import { inboxRoutes } from "./inbox/routes.ts";
import { QueueJobRunner } from "./jobs/runner.ts";
import { jobStopTimeoutMs, shutdownSecondsFromEnv } from "./shutdown.ts";
import { jobRoutes } from "./jobs/routes.ts";
import { MAX_FILE_BYTES } from "./imports/file-limits.ts";
import { membershipRoutes } from "./memberships/routes.ts";
import { organisationRoutes } from "./organisations/routes.ts";
import { portfolioRoutes } from "./portfolio/routes.ts";
import { projectRoutes } from "./projects/routes.ts";
import { userRoutes } from "./users/routes.ts";
import { workplanRoutes } from "./workplans/routes.ts";
import { registerWebApp } from "./web/serve-web.ts";

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions["logger"];
  /** Folder with the built web app; served at / when present. */
  webRoot?: string;
  /** File store and job runner; by default the store of the environment and a queue on the app's database, started with the app. */
  services?: Partial<Services>;
  /** Trusted proxies and https; by default from BAARA_TRUST_PROXY and BAARA_HTTPS. */
  http?: HttpSecurity;
  /** Exports and imports a minute, per person and per anonymous address; by default from the environment. */
  heavyLimits?: HeavyLimits;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const http = options.http ?? httpSecurityFromEnv();
  const hops = http.trustProxy;
  // A hop count trusts that many proxies next to the server, as proxy-addr counts them.
  const trustProxy = typeof hops === "number" ? (_address: string, hop: number) => hop < hops : hops;
  const app = Fastify({ logger: options.logger ?? false, trustProxy, bodyLimit: 5 * 1024 * 1024 });
  app.decorate("database", options.database);
  app.decorate("httpSecurity", http);
  const services: Services = {
    files: options.services?.files ?? fileStoreFromEnv(),
    jobs: options.services?.jobs ?? new QueueJobRunner(options.database, jobStopTimeoutMs(shutdownSecondsFromEnv())),
  };
  app.decorate("services", services);
  registerImportJobs(options.database.db, services);
  registerReportJobs(options.database.db, services);
  app.addHook("onReady", () => services.jobs.start());
  app.addHook("onClose", () => services.jobs.stop());
  app.decorateRequest("actor", null);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await registerSecurityHeaders(app, http);
  await registerHeavyLimit(app, options.heavyLimits ?? heavyLimitsFromEnv(), options.database.db);
  await app.register(fastifyCookie);
  // Slow links: JSON and the app's scripts travel gzip- or brotli-compressed.
  await app.register(fastifyCompress, { threshold: 1024 });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_FILE_BYTES, fieldSize: MAX_FILE_BYTES, files: 1, fields: 20 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Baara API",
        version: "1",
        description:
          "Errors are `{\"error\":{\"code\",\"message\",\"details\"}}`, with the message in the language of `Accept-Language` (French by default). Amounts are decimal strings. Writes with a session cookie need the `X-CSRF-Token` header from `GET /auth/session`.",
      },
      servers: [{ url: "/" }],
    },
    transform: jsonSchemaTransform,
  });
  // Under the app's own security policy, like every page.
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  registerAuthHooks(app);

  await app.register(
    async (v1) => {
      for (const routes of [
        healthRoutes,
        authRoutes,
        organisationRoutes,
        userRoutes,
        membershipRoutes,
        projectRoutes,
        frameworkRoutes,
        workplanRoutes,
        activityRoutes,
        executionRoutes,
        executionDashboardRoutes,
        indicatorRoutes,
        reportRoutes,
        portfolioRoutes,
        inboxRoutes,
        importRoutes,
        committeeRoutes,
        jobRoutes,
        exportRoutes,
        auditRoutes,
        documentRoutes,
      ]) {
        await v1.register(routes);
      }
    },
    { prefix: "/api/v1" },
  );

  if (options.webRoot && existsSync(options.webRoot)) await registerWebApp(app, options.webRoot);
  return app;
}
