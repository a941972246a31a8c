import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Most tests wait on a child process (the CLI, tmux, Chromium): two workers a core keep the
    // cores busy while they wait.
    maxWorkers: Math.min(8, 2 * availableParallelism()),
  },
});
