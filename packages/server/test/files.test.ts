// The two file stores keep bytes by content hash and give them back
// unchanged; an import's file is served from whichever store the app has,
// the same bytes the user uploaded.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DirectoryFileStore } from "../src/files/directory.ts";
import { S3FileStore } from "../src/files/s3.ts";
import { type FileStore, sha256Of } from "../src/files/store.ts";
import { call, createTestApp, managerOfNewProject } from "./helpers/app.ts";
import { importPlan } from "./helpers/imports.ts";
import { pgsmSampleText } from "./fixtures/workplans.ts";

const BUCKET = "baara-test";
let s3: S3rver;
let s3Dir: string;
let endpoint: string;
const folders: string[] = [];

beforeAll(async () => {
  s3Dir = await mkdtemp(join(tmpdir(), "baara-s3-"));
  s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const address = (await s3.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await s3.close();
  for (const dir of [s3Dir, ...folders]) await rm(dir, { recursive: true, force: true });
});

const s3Store = () =>
  new S3FileStore({ bucket: BUCKET, endpoint, region: "us-east-1", prefix: "files/", credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
async function directoryStore(): Promise<DirectoryFileStore> {
  const dir = await mkdtemp(join(tmpdir(), "baara-files-"));
  folders.push(dir);
  return new DirectoryFileStore(dir);
}

describe.each([
  ["a directory", directoryStore],
  ["an S3-compatible bucket", async () => s3Store()],
] as const)("files in %s", (_, makeStore: () => Promise<FileStore>) => {
  it("gives back the bytes it was given, under their SHA-256, stored once", async () => {
    const store = await makeStore();
    const bytes = randomBytes(300_000);
    const first = await store.put(bytes);
    expect(first).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
    expect(await store.put(Buffer.from(bytes))).toEqual(first);
    expect((await store.get(first.sha256))?.equals(bytes)).toBe(true);
    const empty = await store.put(Buffer.alloc(0));
    expect((await store.get(empty.sha256))?.length).toBe(0);
  });

  it("answers null for a file it does not have", async () => {
    const store = await makeStore();
    expect(await store.get(sha256Of(randomBytes(16)))).toBeNull();
  });
});

it("keeps one copy in the folder whatever the number of uploads of the same content", async () => {
  const dir = await mkdtemp(join(tmpdir(), "baara-files-"));
  folders.push(dir);
  const store = new DirectoryFileStore(dir);
  const bytes = randomBytes(1000);
  await Promise.all(Array.from({ length: 5 }, () => store.put(bytes)));
  const hash = sha256Of(bytes);
  expect(await readdir(join(dir, hash.slice(0, 2), hash.slice(2, 4)))).toEqual([hash]);
});

it("serves an import's file from the bucket when the app keeps its files there", async () => {
  const ctx = await createTestApp("pglite", { files: s3Store() });
  try {
    const { session, projectId } = await managerOfNewProject(ctx);
    const bytes = Buffer.from(pgsmSampleText(), "utf8");
    const { record } = await importPlan(ctx.app, session, projectId, { name: "ptba-2022.txt", bytes }, { year: "2022" });
    const file = await call(ctx.app, session, { method: "GET", url: `/api/v1/imports/${record.id}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(bytes)).toBe(true);
    expect(file.headers["content-disposition"]).toContain("ptba-2022.txt");
    // Nothing was written next to the database: the bucket holds it.
    expect(await readdir(ctx.filesDir)).toEqual([]);
    expect((await s3Store().get(sha256Of(bytes)))?.equals(bytes)).toBe(true);
  } finally {
    await ctx.close();
  }
});
