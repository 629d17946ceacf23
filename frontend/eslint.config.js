import { baseConfig } from '../shared/eslint.base.js';

export default [...baseConfig(import.meta.dirname), { ignores: ['test-results/**', 'playwright-report/**'] }];
