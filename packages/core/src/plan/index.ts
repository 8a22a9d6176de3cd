export * from "./amounts.ts";
export * from "./checks.ts";
export * from "./periods.ts";
export * from "./rollup.ts";
export * from "./types.ts";
export * from "./workflow.ts";
export * from "./compare.ts";
export * from "./input.ts";
