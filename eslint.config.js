// Lint for correctness, not taste (STYLE.md): promises that are never awaited, promises passed
// where callbacks are expected, switches that miss a case. Prettier owns formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.angular/**',
      '**/*.generated.ts',
      'frontend/test-results/**',
      'frontend/playwright-report/**',
      'backend/src/migrations/*-*.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // One home for each input and data-access rule (docs/architecture.md, "Request path and
    // errors" and "Data access"); these make the way around it a lint error.
    files: ['backend/src/**/*.ts'],
    ignores: ['backend/src/core/http/validators.ts', 'backend/src/core/database/transaction.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: 'IsOptional lets null through: use Omittable() or Nullable() from core/http/validators.',
            },
            {
              name: 'class-validator',
              importNames: ['ValidateNested'],
              message: 'ValidateNested accepts an array for an object: use Nested() or NestedArray() from core/http/validators.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Use inTransaction() from core/database/transaction: it retries deadlocks and checks every statement uses the manager.',
        },
        {
          selector: "CallExpression[callee.name='PartialType']:not([arguments.1])",
          message: 'PartialType(X, { skipNullProperties: false }): the default lets null through every field.',
        },
        {
          selector:
            "CallExpression[callee.name='inTransaction'] > :function MemberExpression[object.type='ThisExpression'][property.name='dataSource']",
          message: "Inside a transaction every statement goes through the transaction's manager.",
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
);
