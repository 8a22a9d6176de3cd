import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/** Initial download budget (gzip) of the entry chunk and everything it imports statically. */
export const INITIAL_JS_BUDGET_BYTES = 300 * 1024;

interface ChunkInfo {
  type: "chunk" | "asset";
  code?: string;
  source?: string | Uint8Array;
  imports?: string[];
  isEntry?: boolean;
  viteMetadata?: { importedCss: Set<string> };
}

/** Writes dist/bundle-report.json and prints the initial bundle size, so the budget is measured at every build. */
function bundleReport(): Plugin {
  return {
    name: "baara-bundle-report",
    apply: "build",
    generateBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, ChunkInfo>;
      const entry = Object.keys(files).find((name) => files[name]?.isEntry);
      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name)) return;
        initial.add(name);
        for (const child of files[name]?.imports ?? []) visit(child);
      };
      if (entry) visit(entry);
      const gzip = (name: string) => {
        const file = files[name];
        const body = file?.type === "chunk" ? (file.code ?? "") : (file?.source ?? "");
        return gzipSync(body).length;
      };
      const js = [...initial].map((name) => ({ name, gzip: gzip(name) }));
      const css = [...initial].flatMap((name) => [...(files[name]?.viteMetadata?.importedCss ?? [])]);
      const initialJsGzip = js.reduce((sum, f) => sum + f.gzip, 0);
      const report = {
        initialJsGzip,
        initialCssGzip: css.reduce((sum, name) => sum + gzip(name), 0),
        budget: INITIAL_JS_BUDGET_BYTES,
        initialFiles: js,
        lazyChunks: Object.keys(files).filter((n) => files[n]?.type === "chunk" && !initial.has(n)).length,
      };
      this.emitFile({ type: "asset", fileName: "bundle-report.json", source: JSON.stringify(report, null, 2) });
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(`initial JavaScript: ${kb(initialJsGzip)} gzip (budget ${kb(INITIAL_JS_BUDGET_BYTES)})`);
      if (process.env.BAARA_BUNDLE_REPORT) writeFileSync(process.env.BAARA_BUNDLE_REPORT, JSON.stringify(report));
    },
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname),
  plugins: [react(), bundleReport()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 900 },
  server: { proxy: { "/api": "http://localhost:8080" } },
});
