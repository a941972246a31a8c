import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every YAML file under `dir`, in its subfolders too. */
export function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}
