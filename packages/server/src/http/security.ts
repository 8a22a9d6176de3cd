// What the server trusts about its own network and what it tells browsers.
// Proxy headers (X-Forwarded-For, -Proto) are ignored unless the operator says
// which proxies send them: anyone can write them, and the login throttle keys
// on the client's address. Secure cookies and HSTS follow the configuration,
// never a header a client could send.
import { isIP } from "node:net";
import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

export interface HttpSecurity {
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses. */
  trustProxy: false | number | string[];
  /** Served over https (directly or behind a proxy): cookies are Secure, HSTS is sent. */
  https: boolean;
}

export const LOCAL_HTTP: HttpSecurity = { trustProxy: false, https: false };

/** proxy-addr's names for address ranges, accepted beside addresses and CIDRs. */
const RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(text: string): boolean {
  if (RANGE_NAMES.has(text)) return true;
  const [address = "", bits, ...rest] = text.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/** BAARA_TRUST_PROXY and BAARA_HTTPS; a wrong value stops the server with a message naming it. */
export function httpSecurityFromEnv(env: NodeJS.ProcessEnv = process.env): HttpSecurity {
  const proxy = (env.BAARA_TRUST_PROXY ?? "").trim();
  let trustProxy: HttpSecurity["trustProxy"] = false;
  if (proxy === "" || proxy === "0" || proxy === "false") trustProxy = false;
  else if (/^\d{1,2}$/.test(proxy)) trustProxy = Number(proxy);
  else {
    const addresses = proxy.split(",").map((part) => part.trim());
    const wrong = addresses.filter((address) => !isProxyAddress(address));
    if (wrong.length > 0) {
      throw new Error(
        `BAARA_TRUST_PROXY: « ${wrong.join(", ")} » is neither a hop count nor a proxy address `
        + "(give the number of proxies in front of Baara, e.g. 1, or their addresses, e.g. 127.0.0.1,10.0.0.0/8)",
      );
    }
    trustProxy = addresses;
  }
  const https = (env.BAARA_HTTPS ?? "").trim();
  if (!["", "0", "1"].includes(https)) throw new Error(`BAARA_HTTPS: « ${https} » must be 1 (served over https) or 0`);
  return { trustProxy, https: https === "1" };
}

/**
 * Security headers on every answer. The web app loads only its own scripts
 * and styles; Mantine writes its theme variables in a <style> element, hence
 * 'unsafe-inline' for styles only (never for scripts). API answers (a
 * person's data, a session's token) are never kept by a browser or proxy cache.
 */
export async function registerSecurityHeaders(app: FastifyInstance, security: HttpSecurity): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(security.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: security.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/v1/") && !reply.hasHeader("cache-control")) {
      reply.header("cache-control", "no-store");
    }
  });
}
