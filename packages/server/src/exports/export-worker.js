// Entry of an export thread when the server runs from its TypeScript sources
// (the tests): a new thread starts without the main thread's loader, so tsx is
// registered here. The compiled server has its own (scripts/build.js).
import { register } from "tsx/esm/api";

register();
const { default: exportTask } = await import("./export-thread.ts");

export default exportTask;
