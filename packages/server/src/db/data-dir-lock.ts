// The embedded database lives in files that one process at a time may open:
// a second process (a `baara backup` while `baara serve` runs, two servers on
// one BAARA_DATA_DIR) would corrupt it. Whoever opens it holds a lock file
// naming its process; a lock left by a process that no longer runs is taken over.
import { open, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";

export interface DataDirLock {
  release(): Promise<void>;
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, "baara.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
    // Our own number in the lock is a lock left by an earlier run (a container restarts with the same pid).
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${holder} (a running baara serve?): stop it first.`
        + ` If no such process is Baara's, delete ${path}.`,
      );
    }
    await unlink(path).catch(() => undefined);
  }
  throw new Error(`Could not lock the embedded database in ${dataDir} (${path})`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
