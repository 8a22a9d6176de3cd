import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { type FileStore, sha256Of } from "./store.ts";

/** Files in a folder, two levels of hash prefix deep (ab/cd/abcd…), written atomically. */
export class DirectoryFileStore implements FileStore {
  readonly kind = "directory";
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("not a SHA-256");
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(bytes);
    const path = this.pathOf(sha256);
    const exists = await stat(path).then(() => true, () => false);
    if (!exists) {
      await mkdir(join(path, ".."), { recursive: true });
      // Written aside then renamed: a reader never sees half a file.
      const temporary = `${path}.${randomBytes(6).toString("hex")}.part`;
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    }
    return { sha256, size: bytes.length };
  }

  async checkWritable(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    const probe = join(this.root, `.ready-${randomBytes(6).toString("hex")}`);
    await writeFile(probe, "");
    await rm(probe, { force: true });
  }

  async get(sha256: string): Promise<Buffer | null> {
    return readFile(this.pathOf(sha256)).catch(() => null);
  }
}
