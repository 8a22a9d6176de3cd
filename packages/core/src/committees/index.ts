export * from "./budget-revision.ts";
export * from "./follow-up.ts";
export * from "./participants.ts";
export * from "./rates.ts";
