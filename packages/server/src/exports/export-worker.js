// Entry of an export thread. The server runs its TypeScript through tsx, and a
// new thread starts without the main thread's loader: register it here.
import { register } from "tsx/esm/api";

register();
const { exportTask } = await import("./export-plan.ts");

export default exportTask;
