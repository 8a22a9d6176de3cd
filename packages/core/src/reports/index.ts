export * from "./document.ts";
export * from "./templates.ts";
export * from "./shared.ts";
export * from "./cps-annual.ts";
export * from "./pbf-progress.ts";
export * from "./undp-awp.ts";
export * from "./minutes.ts";
