import { copyFileSync, existsSync, renameSync } from 'node:fs';

function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/** A free `FILE.bak-<timestamp>` name: an existing backup is never replaced. */
function backupName(path: string, now: Date): string {
  const base = `${path}.bak-${stamp(now)}`;
  let name = base;
  for (let n = 2; existsSync(name); n++) name = `${base}-${n}`;
  return name;
}

/** Moves the file aside, or copies it (when it is about to be replaced atomically); returns the backup's path. */
export function backupFile(path: string, how: 'move' | 'copy', now = new Date()): string {
  const backup = backupName(path, now);
  if (how === 'move') renameSync(path, backup);
  else copyFileSync(path, backup);
  return backup;
}
