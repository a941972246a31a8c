import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three lanes (`npm run test:unit`, `test:cli`, `test:slow`; `npm test` runs all three):
// - unit: in-process tests, no child process (test/helpers/no-spawn.ts makes one fail): the inner loop.
// - cli: tests that run the built binary (`npm run build` first).
// - slow: browsers, tmux, DuckDB, inputs at the size caps, long property runs. CI runs it once.
// A test file is a unit test unless it is listed below.
const SLOW = [
  'test/browser/*.test.ts',
  'test/export/duckdb.test.ts',
  'test/export/characters.test.ts',
  'test/hardening/at-the-caps.test.ts',
  'test/hardening/floods.test.ts',
  'test/hardening/properties.test.ts',
  'test/hardening/cases.test.ts',
  'test/compare/round-trip.test.ts',
  'test/load/simple-yaml.test.ts',
  'test/package/*.test.ts',
  'test/interactive/tmux*.test.ts',
  'test/profile/tmux.test.ts',
  'test/render/terminal-width-cli.test.ts',
  'test/**/*.slow.test.ts',
];
/** Unit tests that mock a Node module (vi.mock): they need a module graph of their own. */
const MOCKING = [
  'test/hardening/write-faults.test.ts',
  'test/hardening/read-cap.test.ts',
  'test/hardening/interruption.test.ts',
];
const CLI = [
  'test/answers/former-ids.test.ts',
  'test/answers/identity.test.ts',
  'test/interactive/session-submission.test.ts',
  'test/report/mixed-forms.test.ts',
  'test/report/options.test.ts',
  'test/answers/team.test.ts',
  'test/answers/warnings.test.ts',
  'test/answers/well-formed.test.ts',
  'test/compare/bank-versions.test.ts',
  'test/compare/cli.test.ts',
  'test/export/cli.test.ts',
  'test/export/readme.test.ts',
  'test/export/scope.test.ts',
  'test/form/*.test.ts',
  'test/formtool/bad-exports.test.ts',
  'test/formtool/exports.test.ts',
  'test/formtool/form-guide.test.ts',
  'test/formtool/form-shapes.test.ts',
  'test/foundation/cli.test.ts',
  'test/hardening/argv-escapes.test.ts',
  'test/hardening/clear-errors.test.ts',
  'test/hardening/inputs.test.ts',
  'test/hardening/outputs.test.ts',
  'test/hardening/special-files.test.ts',
  'test/hardening/wide-text.test.ts',
  'test/interactive/no-tty.test.ts',
  'test/profile/cli.test.ts',
  'test/profile/load.test.ts',
  'test/profile/render.test.ts',
  'test/profile/validate.test.ts',
  'test/render/html-cli.test.ts',
  'test/render/report-csv.test.ts',
  'test/render/trust-cli.test.ts',
  'test/report/cli.test.ts',
  'test/report/model-cli.test.ts',
  'test/**/*.cli.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Most cli and slow tests wait on a child process: two workers a core keep the cores busy.
    maxWorkers: Math.min(8, 2 * availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...SLOW, ...CLI, ...MOCKING],
          setupFiles: ['test/helpers/no-spawn.ts'],
          // In-process tests share one module graph per worker: loading the sources once is most of the lane's time.
          isolate: false,
        },
      },
      // The unit tests that replace a Node module keep a module graph of their own (`--project 'unit*'`).
      {
        extends: true,
        test: { name: 'unit-isolated', include: MOCKING, setupFiles: ['test/helpers/no-spawn.ts'] },
      },
      // The cli tests run the built binary and keep no state in the modules they import: sharing one
      // module graph per worker spares each file loading the sources again.
      { extends: true, test: { name: 'cli', include: CLI, exclude: SLOW, isolate: false } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
