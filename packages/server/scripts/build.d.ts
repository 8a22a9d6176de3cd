// Types of scripts/build.js, for the tests that drive the build.
export const OUT: string;
export function staleReason(): string | null;
export function build(): Promise<void>;
export function ensureBuilt(): Promise<void>;
