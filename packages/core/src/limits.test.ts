import { describe, expect, it } from "vitest";
import * as api from "./api/index.ts";
import { TEXT_LIMITS } from "./limits.ts";

const VERSION = { version: 1 };
const ID = "00000000-0000-4000-8000-000000000000";

/** Each limited field, in the request that carries it, with the rest of a valid request. */
const FIELDS: [keyof typeof TEXT_LIMITS, { safeParse(v: unknown): { success: boolean } }, (text: string) => unknown][] = [
  ["organisationCode", api.createOrganisation, (code) => ({ code, name: "Unité", kind: "unit" })],
  ["organisationName", api.updateOrganisation, (name) => ({ name, ...VERSION })],
  ["personName", api.createUser, (name) => ({ name, email: "a@b.example", password: "a-long-password" })],
  ["nodeCode", api.createResultNode, (code) => ({ code, title: "Titre" })],
  ["nodeTitle", api.updateResultNode, (title) => ({ title, ...VERSION })],
  ["planTitle", api.createWorkplan, (title) => ({ year: 2024, title })],
  ["planTitle", api.commitImportRequest, (title) => ({ title })],
  ["workflowComment", api.transitionRequest, (comment) => ({ action: "submit", comment, ...VERSION })],
  ["activityTitle", api.createActivity, (title) => ({ title, resultNodeId: ID })],
];

describe("text limits", () => {
  for (const [field, schema, request] of FIELDS) {
    it(`${field}: accepts ${TEXT_LIMITS[field]} characters and refuses one more`, () => {
      expect(schema.safeParse(request("x".repeat(TEXT_LIMITS[field]))).success).toBe(true);
      expect(schema.safeParse(request("x".repeat(TEXT_LIMITS[field] + 1))).success).toBe(false);
    });
  }

  it("applies to the password", () => {
    expect(api.password.safeParse("p".repeat(TEXT_LIMITS.password)).success).toBe(true);
    expect(api.password.safeParse("p".repeat(TEXT_LIMITS.password + 1)).success).toBe(false);
  });
});
