import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './bank-files.js';

/** Where the build writes the facilitator page's script: the core bundled for the browser. */
export const KIT_SCRIPT_FILE = 'dist/facilitator-script.js';

/** The page's script as the build bundled it; undefined when it was not built. */
export function builtKitScript(): string | undefined {
  const path = join(packageRoot(), KIT_SCRIPT_FILE);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
