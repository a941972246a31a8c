import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * The layers (docs/architecture.md): each top folder of src/ is one, and imports run down only:
 * cli.ts > commands/ > app/ > io/ > core/. The core is pure: no Node module and no `process`, so
 * the same code runs in a browser. Each rule names every folder above its own, for static imports,
 * `export ... from` and dynamic `import()` alike.
 */
const LAYERS = ['core', 'io', 'app', 'commands'];
const ABOVE = { core: ['io', 'app', 'commands'], io: ['app', 'commands'], app: ['commands'], commands: [] };
const NODE_MODULES = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'node:*'];
const LAYER_MESSAGE = 'imports run down the layers only: cli > commands > app > io > core (docs/architecture.md)';
const PURE_MESSAGE = 'the core is pure: no Node module or process, so it runs in a browser (docs/architecture.md)';

function layerRules(layer) {
  const upward = [...ABOVE[layer].map((folder) => `**/${folder}/**`), '**/cli', '**/cli.js'];
  const patterns = [{ group: upward, message: LAYER_MESSAGE }];
  if (layer === 'core') patterns.push({ group: NODE_MODULES, message: PURE_MESSAGE });
  const folders = [...ABOVE[layer], 'cli(\\.js)?$'].join('|');
  const dynamic = `ImportExpression[source.value=/(^|\\/)(${folders})(\\/|$)/]`;
  const restrictedSyntax = [{ selector: dynamic, message: LAYER_MESSAGE }];
  if (layer === 'core') {
    restrictedSyntax.push({ selector: 'ImportExpression[source.value=/^node:/]', message: PURE_MESSAGE });
  }
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
      'no-restricted-syntax': ['error', ...restrictedSyntax],
      ...(layer === 'core'
        ? {
            'no-restricted-globals': [
              'error',
              { name: 'process', message: PURE_MESSAGE },
              { name: 'Buffer', message: PURE_MESSAGE },
            ],
          }
        : {}),
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'schema/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  ...LAYERS.map(layerRules),
  {
    // The build's and benchmark's scripts run on Node.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The bin is CommonJS (bin/package.json): it requires the CommonJS bundle.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
