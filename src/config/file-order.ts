/**
 * Where `path` sits in parsed YAML data, as the index of each key (or list position) along the way, so
 * problems can be listed in the order they appear in the file. Keys not in the data sort last.
 */
export function fileOrderOf(data: unknown, path: readonly PropertyKey[]): number[] {
  const order: number[] = [];
  let current = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') {
      order.push(segment);
      current = current[segment] as unknown;
    } else if (current !== null && typeof current === 'object' && typeof segment === 'string') {
      const index = Object.keys(current).indexOf(segment);
      order.push(index === -1 ? Number.MAX_SAFE_INTEGER : index);
      current = (current as Record<string, unknown>)[segment];
    } else {
      order.push(Number.MAX_SAFE_INTEGER);
      current = undefined;
    }
  }
  return order;
}

/** Orders two `fileOrderOf` results: earlier in the file first, a parent before its children. */
export function compareFileOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}
