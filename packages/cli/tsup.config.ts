import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

export default defineConfig([
  base(),
  {
    ...base({ entry: ['src/bin.ts'], format: ['esm'], dts: false, banner: { js: '#!/usr/bin/env node' } }),
    clean: false,
  },
]);
