// The lint every workspace shares (each workspace's eslint.config.js adds its own rules; ESLint
// 10 takes, for each file, the eslint.config.js nearest to it). Lint for correctness, not taste
// (STYLE.md): promises that are never awaited, promises passed where callbacks are expected,
// switches that miss a case. Prettier owns formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** `dir`: the workspace's folder (its eslint.config.js passes `import.meta.dirname`). */
export function baseConfig(dir) {
  return [
    { ignores: ['**/dist/**', '**/node_modules/**', '**/.angular/**', '**/*.generated.ts'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    // Each workspace is its own root: TypeScript's project service would otherwise see three.
    { languageOptions: { parserOptions: { tsconfigRootDir: dir } } },
    {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { projectService: true } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/no-misused-promises': 'error',
        '@typescript-eslint/switch-exhaustiveness-check': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        '@typescript-eslint/no-extraneous-class': 'off',
      },
    },
    {
      files: ['**/*.mjs', '**/*.js'],
      languageOptions: {
        globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
      },
    },
  ];
}
