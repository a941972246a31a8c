import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Files in `files` may not import what `forbidden` matches (type-only imports included). */
function layer(files, forbidden) {
  return [{ files, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: forbidden, message: 'imports run down the layers only (docs/architecture.md)' }] }] } }];
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'schema/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  // Layers (docs/architecture.md): each folder imports only from layers below it. The core is pure:
  // no node: modules, no input, output or commands.
  ...layer(['src/model.ts', 'src/text.ts', 'src/errors.ts', 'src/lists.ts', 'src/score/**', 'src/bank/item-kinds.ts', 'src/bank/items.ts', 'src/bank/schema.ts', 'src/answers/schema.ts', 'src/answers/choices.ts', 'src/compare/diff.ts'], [
    'node:*', '**/io/*', '**/load/*', '**/render/*', '**/commands/*', '**/interactive/*', '**/pipeline*', '**/cli*', '**/answers/load*', '**/answers/csv*', '**/answers/collect*', '**/bank/load*',
  ]),
  ...layer(['src/io/**', 'src/load/**', 'src/answers/**', 'src/bank/**'], ['**/render/*', '**/commands/*', '**/interactive/*', '**/pipeline*', '**/cli*']),
  ...layer(['src/render/**', 'src/compare/**'], ['**/commands/*', '**/interactive/*', '**/pipeline*', '**/cli*']),
  ...layer(['src/pipeline.ts', 'src/interactive/**'], ['**/commands/*', '**/cli*']),
  ...layer(['src/commands/**'], ['**/cli*']),
  {
    // The bin is CommonJS (bin/package.json): it starts faster than an ES module. So is the
    // benchmark's preload, which runs in every timed process.
    files: ['bin/**/*.js', 'scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
