export * from "./cell.ts";
export * from "./decimal.ts";
export * from "./disaggregation.ts";
export * from "./progress.ts";
export * from "./table.ts";
