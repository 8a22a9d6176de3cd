export * from "./columns.ts";
export * from "./dates.ts";
export * from "./grid.ts";
export * from "./hierarchy.ts";
export * from "./interpret.ts";
export * from "./model.ts";
export * from "./numbers.ts";
export * from "./report.ts";
