// What an export thread runs (threads/pool.ts): piscina calls the default export.
// The build compiles this file to dist/server/export-worker.js; from the
// sources, export-worker.js loads it through tsx.
export { exportTask as default } from "./export-plan.ts";
