import { basename, delimiter, dirname, isAbsolute, relative, resolve, sep } from 'node:path';

// The words that start a command the person can paste back: "continue with …", "print it again with …".
// They follow how pm-diag was run, so a suggestion never names a command the shell cannot find.

const NAME = 'pm-diag';

/**
 * How pm-diag was run, from the script Node runs (`process.argv[1]`): `npx pm-diag` under npx,
 * the bare name when the script's folder is on PATH, else the script's path (relative to `cwd`
 * when it lies below it).
 */
export function invokedCommand(script: string | undefined, cwd: string, env: NodeJS.ProcessEnv): string[] {
  if (script === undefined || script === '') return [NAME];
  const name = basename(script);
  // npx runs the package's bin with the command it was given, shell-quoted, as the lifecycle script.
  if (env.npm_command === 'exec' && /^['"]?([^'"\s]+)/.exec(env.npm_lifecycle_script ?? '')?.[1] === name)
    return ['npx', name];
  const folder = resolve(dirname(script));
  const onPath = (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && resolve(cwd, dir) === folder);
  if (onPath) return [name];
  const below = relative(cwd, script);
  if (below === '' || below.startsWith('..') || isAbsolute(below)) return [resolve(script)];
  return [`.${sep}${below}`];
}

/** The command as this process was run. */
export function thisCommand(): string[] {
  return invokedCommand(process.argv[1], process.cwd(), process.env);
}
