// Spreading a list into a call (`push(...items)`, `Math.max(...values)`) puts every element on the
// stack: past about a hundred thousand (the rows of a CSV export, the unknown ids of a file) it
// overflows. Lists that grow with the input go through these instead.

/** Appends every item to `target`, in order. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** The largest and the smallest value, or undefined for an empty list. */
export function extremes(values: Iterable<number>): { max: number; min: number } | undefined {
  let max = -Infinity;
  let min = Infinity;
  let any = false;
  for (const value of values) {
    any = true;
    if (value > max) max = value;
    if (value < min) min = value;
  }
  return any ? { max, min } : undefined;
}
