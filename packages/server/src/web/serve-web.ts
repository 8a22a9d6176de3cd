import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Serves the built web app. Hashed assets are cached for good, so a return
 * visit on a slow link downloads nothing but the small index.html; any other
 * path outside the API gets index.html so the app's own routes load directly.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    setHeaders(res, path) {
      res.header(
        "cache-control",
        /[\\/]assets[\\/]/.test(path) ? `public, max-age=${YEAR_SECONDS}, immutable` : "no-cache",
      );
    },
  });
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    // A missing asset (an old tab after an upgrade) is a 404, not the page: the app then reloads cleanly.
    if (request.url.startsWith("/api/") || request.url.startsWith("/assets/")) return reply.callNotFound();
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
