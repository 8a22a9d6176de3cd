// What a reader thread runs (threads/pool.ts): piscina calls the default export.
// The build compiles this file to dist/server/reader-worker.js; from the
// sources, reader-worker.js loads it through tsx.
export { readTask as default } from "./read-task.ts";
