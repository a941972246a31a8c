import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

// Golden files: `UPDATE_GOLDEN=1 npx vitest run test/render` rewrites them; otherwise any change in
// the output fails the test, so a change to a report is always a reviewed diff.

export function expectGolden(name: string, actual: string): void {
  const path = fileURLToPath(new URL(`../golden/${name}`, import.meta.url));
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`missing golden file test/golden/${name}: run UPDATE_GOLDEN=1 npx vitest run test/render`);
  }
  expect(actual).toBe(expected);
}
