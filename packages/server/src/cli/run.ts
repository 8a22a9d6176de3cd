/** Runs a command; a failure prints one clear line and exits 2. */
export async function runCommand(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    console.error(`baara: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
