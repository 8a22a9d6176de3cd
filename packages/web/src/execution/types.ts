import type { api } from "@baara/core";

export type Execution = api.WorkplanExecution;
export type ExecutionActivity = Execution["activities"][number];
export type ProgressRecord = api.ProgressRecord;
export type Transaction = api.Transaction;
