import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./vitest.global-setup.ts"],
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "bench/**/*.test.ts"],
    // Two files at a time: the database suites wait on I/O, the browser suite on Chromium.
    maxWorkers: 2,
    testTimeout: 30_000,
    // The suites import and export far more often than a person would; the limit has its own test.
    env: { BAARA_HEAVY_PER_MINUTE: "1000000", BAARA_ANONYMOUS_HEAVY_PER_MINUTE: "1000000" },
    hookTimeout: 60_000,
  },
});
