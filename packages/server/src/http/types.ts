import type { Actor } from "../auth/sessions.ts";
import type { Database } from "../db/client.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    database: Database;
  }
}
