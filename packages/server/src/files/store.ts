// Where file bytes live: a directory next to the database by default, an
// S3-compatible bucket when configured (so that several servers share it).
// Bytes are stored once per content, under their SHA-256; who may read a file
// is decided by the record it belongs to, never by the store.
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { DirectoryFileStore } from "./directory.ts";
import { S3FileStore } from "./s3.ts";

export interface FileStore {
  readonly kind: "directory" | "s3";
  /** Stores the bytes (once: the same content is not written twice) and names them by their hash. */
  put(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  /** The bytes, or null when the store no longer has them. */
  get(sha256: string): Promise<Buffer | null>;
  /** Writes and removes a probe (the readiness check); throws when the store cannot take files. */
  checkWritable(): Promise<void>;
}

export function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** `BAARA_S3_BUCKET` (with `BAARA_S3_ENDPOINT`, `BAARA_S3_REGION` and the usual AWS credentials) or `BAARA_FILES_DIR`. */
export function fileStoreFromEnv(env: NodeJS.ProcessEnv = process.env): FileStore {
  if (env.BAARA_S3_BUCKET) {
    return new S3FileStore({
      bucket: env.BAARA_S3_BUCKET,
      endpoint: env.BAARA_S3_ENDPOINT,
      region: env.BAARA_S3_REGION ?? "us-east-1",
      prefix: env.BAARA_S3_PREFIX ?? "files/",
    });
  }
  return new DirectoryFileStore(fileDirectoryOf(env));
}

/** The folder of the directory store (used when no bucket is configured). */
export function fileDirectoryOf(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.BAARA_FILES_DIR ?? join(env.BAARA_DATA_DIR ?? "./data", "files"));
}
