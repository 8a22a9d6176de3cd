import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { requestLocale } from "../http/locale.ts";
import { pageOf } from "../http/pagination.ts";
import { route } from "../http/route.ts";
import { portfolioCsv, portfolioCsvName } from "./csv.ts";
import { portfolioLines } from "./lines.ts";
import { listPortfolio } from "./queries.ts";

export async function portfolioRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.routes.portfolio, async ({ ctx, query }) => {
    const { items, total } = await listPortfolio(ctx, query);
    return pageOf(items, query, total);
  });

  route(app, api.routes.exportPortfolio, async ({ ctx, query, request }) => {
    const locale = query.lang ?? requestLocale(request);
    return {
      stream: portfolioCsv(await portfolioLines(ctx, query), locale),
      mimeType: "text/csv; charset=utf-8",
      fileName: portfolioCsvName(locale, query.year),
    };
  });
}
