import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

// ESM only: the suite runs inside vitest, which cannot be required from CommonJS.
export default defineConfig(base({ format: ['esm'], external: ['vitest'] }));
