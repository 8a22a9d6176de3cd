import { type Locale, localeFromAcceptLanguage } from "@baara/core";
import type { FastifyRequest } from "fastify";

/** The request's language: Accept-Language when sent, else the user's choice, else French. */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers["accept-language"];
  if (header) return localeFromAcceptLanguage(header);
  return request.actor?.user.locale ?? "fr";
}
