// npm pack: the package.json inside the tarball keeps no development scripts. `prepare` builds the
// bundle in a clone, but the tarball holds the built bundle and not the build script, and npm warns
// everyone who installs a package with an install-time script. `strip` (prepack) keeps the full
// manifest aside and writes the published one; `restore` (postpack) puts the full one back.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const aside = join(root, '.package.json.full');

if (process.argv[2] === 'strip') {
  copyFileSync(manifest, aside);
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  delete pkg.scripts;
  delete pkg.devDependencies;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (process.argv[2] === 'restore') {
  if (existsSync(aside)) renameSync(aside, manifest);
} else {
  console.error('usage: pack-manifest.mjs strip|restore');
  process.exit(2);
}
