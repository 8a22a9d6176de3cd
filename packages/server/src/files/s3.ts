import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { randomBytes } from "node:crypto";
import { type FileStore, sha256Of } from "./store.ts";

export interface S3Options {
  bucket: string;
  /** An S3-compatible server (MinIO, Garage, Ceph…); AWS when absent. */
  endpoint?: string | undefined;
  region: string;
  prefix: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Files as objects of one bucket, keyed by prefix + SHA-256; credentials come from the usual AWS variables. */
export class S3FileStore implements FileStore {
  readonly kind = "s3";
  private readonly client: S3Client;

  constructor(private readonly options: S3Options) {
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  }

  private key(sha256: string): string {
    return `${this.options.prefix}${sha256}`;
  }

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(bytes);
    const Key = this.key(sha256);
    const exists = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key })).then(
      () => true,
      (error: unknown) => {
        if (error instanceof NotFound || error instanceof NoSuchKey) return false;
        throw error;
      },
    );
    if (!exists) {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.options.bucket, Key, Body: bytes, ContentLength: bytes.length }),
      );
    }
    return { sha256, size: bytes.length };
  }

  async checkWritable(): Promise<void> {
    const Key = `${this.options.prefix}.ready/${randomBytes(6).toString("hex")}`;
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key, Body: Buffer.alloc(0), ContentLength: 0 }));
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key }));
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
      if (!object.Body) return null;
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey || error instanceof NotFound) return null;
      throw error;
    }
  }

  close(): void {
    this.client.destroy();
  }
}
