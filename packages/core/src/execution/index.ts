export * from "./periods.ts";
export * from "./rates.ts";
export * from "./rollup.ts";
export * from "./sums.ts";
export * from "./types.ts";
export * from "./table.ts";
export * from "./quarters.ts";
export * from "./portfolio.ts";
