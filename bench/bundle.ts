// What a browser downloads before the first screen: the scripts and styles that
// index.html names, gzip-compressed as the server sends them.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BENCH_DIR } from "./dataset.ts";

const DIST = join(BENCH_DIR, "../packages/web/dist");

/** Kilobytes of the initial bundle, gzip; null when the web app is not built (`npm run build`). */
export async function bundleKbGzip(): Promise<number | null> {
  const html = await readFile(join(DIST, "index.html"), "utf8").catch(() => null);
  if (html === null) return null;
  const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? "");
  let bytes = gzipSync(html).byteLength;
  for (const asset of assets) bytes += gzipSync(await readFile(join(DIST, asset))).byteLength;
  return Math.round(bytes / 1024);
}
