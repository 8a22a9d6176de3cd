// Registers a handler for a route of core's route table: its method, path and
// schemas come from there (validation, OpenAPI), the handler gets typed input
// and a context, and answers the route's success status. The app keeps the
// list of what it registered, for the permission matrix test.
import type { Readable } from "node:stream";
import type { api } from "@baara/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type * as z from "zod";
import type { Context } from "../context.ts";
import { heavyLimit, isHeavy } from "./heavy-limit.ts";

type Part<S, K extends string> = S extends { [P in K]: infer T extends z.ZodType } ? z.output<T> : undefined;

export interface RouteInput<S extends api.RouteSpec> {
  params: Part<S, "params">;
  query: Part<S, "query">;
  body: Part<S, "body">;
  ctx: Context;
  request: FastifyRequest;
}

/** A file to download: its bytes, type and name. */
export interface FileAnswer {
  body: Buffer;
  mimeType: string;
  fileName: string;
}

/** A file to download written while it is sent: its bytes as a stream, type and name. */
export interface StreamAnswer {
  stream: Readable;
  mimeType: string;
  fileName: string;
}

type Answer<S extends api.RouteSpec> = S extends { kind: "file" }
  ? FileAnswer | StreamAnswer
  : S extends { response: infer R extends z.ZodType }
    ? z.input<R>
    : void;

export type Handler<S extends api.RouteSpec> = (input: RouteInput<S>, reply: FastifyReply) => Promise<Answer<S>>;

export function route<S extends api.RouteSpec>(app: FastifyInstance, spec: S, handler: Handler<S>): void {
  app.route({
    method: spec.method,
    url: spec.path,
    schema: {
      tags: [spec.tag],
      summary: spec.summary,
      description: `Needs: ${spec.action}.`,
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.response ? { response: { [spec.status]: spec.response } } : {}),
      ...(spec.kind === "multipart" ? { consumes: ["multipart/form-data"] } : {}),
    },
    config: { action: spec.action, ...(isHeavy(spec) ? heavyLimit() : {}) },
    handler: async (request, reply) => {
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
        ctx: request.ctx,
        request,
      } as RouteInput<S>;
      const answer = await handler(input, reply);
      reply.status(spec.status);
      if (spec.kind === "file") {
        const file = answer as FileAnswer | StreamAnswer;
        const name = file.fileName;
        return reply
          .header("content-type", file.mimeType)
          // A stored file is given back as the type it was sent with: never let the browser guess another.
          .header("x-content-type-options", "nosniff")
          .header("content-disposition", `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send("stream" in file ? file.stream : file.body);
      }
      return spec.response ? reply.send(answer) : reply.send();
    },
  });
}
