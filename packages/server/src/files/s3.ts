import { randomBytes } from "node:crypto";
import type { S3Client } from "@aws-sdk/client-s3";
import { type FileStore, sha256Of } from "./store.ts";

export interface S3Options {
  bucket: string;
  /** An S3-compatible server (MinIO, Garage, Ceph…); AWS when absent. */
  endpoint?: string | undefined;
  region: string;
  prefix: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

type Sdk = typeof import("@aws-sdk/client-s3");

/**
 * Files as objects of one bucket, keyed by prefix + SHA-256; credentials come from the usual AWS variables.
 * The AWS SDK is loaded on first use: a server that keeps its files in a directory never loads it.
 */
export class S3FileStore implements FileStore {
  readonly kind = "s3";
  private connected: Promise<{ sdk: Sdk; client: S3Client }> | null = null;

  constructor(private readonly options: S3Options) {}

  private connect(): Promise<{ sdk: Sdk; client: S3Client }> {
    this.connected ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: this.options.region,
        ...(this.options.endpoint ? { endpoint: this.options.endpoint, forcePathStyle: true } : {}),
        ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
      }),
    }));
    return this.connected;
  }

  private key(sha256: string): string {
    return `${this.options.prefix}${sha256}`;
  }

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const { sdk, client } = await this.connect();
    const { HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand } = sdk;
    const sha256 = sha256Of(bytes);
    const Key = this.key(sha256);
    const exists = await client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key })).then(
      () => true,
      (error: unknown) => {
        if (error instanceof NotFound || error instanceof NoSuchKey) return false;
        throw error;
      },
    );
    if (!exists) {
      await client.send(
        new PutObjectCommand({ Bucket: this.options.bucket, Key, Body: bytes, ContentLength: bytes.length }),
      );
    }
    return { sha256, size: bytes.length };
  }

  async checkWritable(): Promise<void> {
    const { sdk, client } = await this.connect();
    const { DeleteObjectCommand, PutObjectCommand } = sdk;
    const Key = `${this.options.prefix}.ready/${randomBytes(6).toString("hex")}`;
    await client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key, Body: Buffer.alloc(0), ContentLength: 0 }));
    await client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key }));
  }

  async get(sha256: string): Promise<Buffer | null> {
    const { sdk, client } = await this.connect();
    const { GetObjectCommand, NoSuchKey, NotFound } = sdk;
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
      if (!object.Body) return null;
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey || error instanceof NotFound) return null;
      throw error;
    }
  }

  close(): void {
    void this.connected?.then(({ client }) => client.destroy());
  }
}
