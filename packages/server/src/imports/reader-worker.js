// Entry of a reader thread. The server runs its TypeScript through tsx, and a
// new thread starts without the main thread's loader: register it here.
import { register } from "tsx/esm/api";

register();
const { readTask } = await import("./read-task.ts");

export default readTask;
