/** Slices of at most `size` items with their offset: each INSERT stays under PostgreSQL's 65 535 bind parameters. */
export function* chunks<T>(items: readonly T[], size = 500): Generator<[offset: number, chunk: T[]]> {
  for (let start = 0; start < items.length; start += size) yield [start, items.slice(start, start + size)];
}
