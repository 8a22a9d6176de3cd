// The directory store's files, as a backup holds them: each named by its
// SHA-256, so that restore can prove every one is intact before it writes.
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { sha256Of } from "../files/store.ts";

const STORED_NAME = /^[0-9a-f]{64}$/;

/** Every stored file under a folder (half-written `.part` files are not stored files). */
export async function storedFilesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && STORED_NAME.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

export async function copyStoredFiles(from: string, to: string): Promise<number> {
  const files = await storedFilesUnder(from);
  for (const file of files) {
    const target = join(to, relative(from, file));
    await mkdir(join(target, ".."), { recursive: true });
    await copyFile(file, target);
  }
  return files.length;
}

/** Reads every file of a backup and checks it against its name; throws naming the first that differs. */
export async function checkStoredFiles(root: string): Promise<string[]> {
  const files = await storedFilesUnder(root);
  for (const file of files) {
    const name = file.slice(-64);
    if (sha256Of(await readFile(file)) !== name) {
      throw new Error(`The backup is damaged: stored file ${name} does not match its content`);
    }
  }
  return files;
}
