import { vi } from 'vitest';

// The unit lane spawns no process (vitest.config.ts): a test that tries fails here, naming the fix.
vi.mock('node:child_process', () => {
  const refuse = (): never => {
    throw new Error('unit tests start no process: list this test file in the cli or slow lane (vitest.config.ts)');
  };
  const api = {
    spawn: refuse,
    spawnSync: refuse,
    exec: refuse,
    execSync: refuse,
    execFile: refuse,
    execFileSync: refuse,
    fork: refuse,
  };
  return { ...api, default: api };
});
