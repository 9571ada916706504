// Lint rules, including the one-way dependency direction between workspaces (see ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Which workspaces each workspace may import: protocol ← store, artifacts ← server ← cli; protocol ← client ← ui, cli. */
const allowed = {
  protocol: [],
  store: ['protocol'],
  artifacts: ['protocol'],
  client: ['protocol'],
  server: ['protocol', 'store', 'artifacts'],
  cli: ['protocol', 'store', 'artifacts', 'server', 'client'],
  ui: ['protocol', 'client'],
};
const all = Object.keys(allowed);

const direction = Object.entries(allowed).map(([pkg, deps]) => ({
  files: [`packages/${pkg}/**/*.ts`, `packages/${pkg}/**/*.tsx`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...all
            .filter((p) => p !== pkg && !deps.includes(p))
            .map((p) => ({
              group: [`@mlflow-ts/${p}`, `@mlflow-ts/${p}/*`],
              message: `${pkg} must not depend on ${p}`,
            })),
          {
            group: [
              '@mlflow-ts/*/*',
              '!@mlflow-ts/*/test-support',
              '!@mlflow-ts/client/node',
              '!@mlflow-ts/server/fernet',
            ],
            message: 'import a workspace through its exports map, not a deep path',
          },
          { group: ['../../*/src/*', '../../../*/src/*'], message: 'no relative imports across workspaces' },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'compat/.venv/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/protocol/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname'] },
  },
  ...direction,
);
