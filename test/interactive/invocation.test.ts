import { describe, expect, it } from 'vitest';
import { invokedCommand } from '../../src/app/interactive/invocation.js';

// How pm-diag was run, from the script path Node was given (process.argv[1]), the folder and the environment.

describe('invokedCommand', () => {
  const cwd = '/home/dana/work';
  it.each([
    ['a script below the folder, by its path', '/home/dana/work/bin/pm-diag.js', {}, ['./bin/pm-diag.js']],
    ['a script elsewhere, by its whole path', '/opt/pm-diag/bin/pm-diag.js', {}, ['/opt/pm-diag/bin/pm-diag.js']],
    ['a script on PATH, by its name', '/usr/local/bin/pm-diag', { PATH: '/usr/bin:/usr/local/bin' }, ['pm-diag']],
    ['a PATH entry relative to the folder', '/home/dana/work/tools/pm-diag', { PATH: 'tools' }, ['pm-diag']],
    [
      'npx',
      '/home/dana/.npm/_npx/1a2b/node_modules/.bin/pm-diag',
      { npm_command: 'exec', npm_lifecycle_script: "'pm-diag'", PATH: '/home/dana/.npm/_npx/1a2b/node_modules/.bin' },
      ['npx', 'pm-diag'],
    ],
    // `npx vitest` running the binary leaves npx's variables to it: not an npx of pm-diag.
    [
      'another npx command that runs it',
      '/home/dana/work/bin/pm-diag.js',
      { npm_command: 'exec', npm_lifecycle_script: 'vitest run' },
      ['./bin/pm-diag.js'],
    ],
    ['no script at all', undefined, {}, ['pm-diag']],
  ])('%s', (_what, script, env, expected) => {
    expect(invokedCommand(script, cwd, env)).toEqual(expected);
  });
});
