import { baseConfig } from './eslint.base.js';

export default baseConfig(import.meta.dirname);
