import { baseConfig } from '../shared/eslint.base.js';

export default [
  ...baseConfig(import.meta.dirname),
  // Migrations are generated, then frozen history.
  { ignores: ['src/migrations/*-*.ts'] },
  {
    // One home for each input and data-access rule (docs/architecture.md, "Request path and
    // errors" and "Data access"); these make the way around it a lint error.
    files: ['src/**/*.ts'],
    ignores: ['src/core/http/validators.ts', 'src/core/database/transaction.ts'],
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
];
