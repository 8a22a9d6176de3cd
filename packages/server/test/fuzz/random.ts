// Seeded pseudo-random numbers for the fuzz tests: the same seed gives the
// same cases, so a failure is reproduced from its seed and case number.

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of one case: its own stream, so that case n is the same whether or not the cases before it ran. */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}

/** A seeded source with the few draws the generators need. */
export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = random(seed);
  }

  /** An integer in [0, below). */
  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from nothing");
    return items[this.int(items.length)] as T;
  }

  /** One of `choices`, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let at = this.next() * total;
    for (const [value, weight] of choices) {
      at -= weight;
      if (at < 0) return value;
    }
    return (choices[choices.length - 1] as readonly [T, number])[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

export type ByteMutationKind = "flip" | "flip-directory" | "truncate" | "flip-truncate";
export const BYTE_MUTATION_KINDS: readonly ByteMutationKind[] = ["flip", "flip-directory", "truncate", "flip-truncate"];

/** One seeded damage to a valid file: flipped bytes anywhere or in the zip directory at its end, a truncation, or both. */
export function mutateBytes(valid: Buffer, kind: ByteMutationKind, next: () => number): { label: string; bytes: Buffer } {
  const int = (below: number) => Math.floor(next() * below);
  const bytes = Buffer.from(valid);
  const flip = (n: number, from = 0) => {
    const offsets: number[] = [];
    for (let i = 0; i < n; i++) {
      const at = from + int(bytes.length - from);
      bytes[at] = (bytes[at] ?? 0) ^ (1 + int(255));
      offsets.push(at);
    }
    return offsets;
  };
  switch (kind) {
    case "flip":
      return { label: `flip ${flip(1 + int(8)).join(",")}`, bytes };
    case "flip-directory": {
      const directory = Math.max(0, bytes.length - 2048);
      return { label: `flip in directory ${flip(1 + int(3), directory).join(",")}`, bytes };
    }
    case "truncate": {
      const at = 1 + int(bytes.length - 1);
      return { label: `truncate at ${at}`, bytes: bytes.subarray(0, at) };
    }
    case "flip-truncate": {
      const offsets = flip(1 + int(4));
      const at = Math.floor(bytes.length * (0.5 + next() / 2));
      return { label: `flip ${offsets.join(",")} and truncate at ${at}`, bytes: bytes.subarray(0, at) };
    }
  }
}

/** `howMany` seeded damages to a valid file, the four kinds in turn. */
export function byteMutations(valid: Buffer, howMany: number, seed: number): { label: string; bytes: Buffer }[] {
  const next = random(seed);
  return Array.from({ length: howMany }, (_, i) => mutateBytes(valid, BYTE_MUTATION_KINDS[i % 4] as ByteMutationKind, next));
}
