export * from "./audit.ts";
export * from "./imports.ts";
export * from "./routes.ts";
export * from "./common.ts";
export * from "./organisations.ts";
export * from "./projects.ts";
export * from "./users.ts";
export * from "./workplans.ts";
