export * from "./access.ts";
export * as api from "./api/index.ts";
export * from "./format.ts";
export * from "./i18n/messages.ts";
export * from "./money.ts";
export * from "./plan/index.ts";
export * from "./words.ts";
export * from "./import/index.ts";
