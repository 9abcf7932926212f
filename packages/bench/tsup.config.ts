import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

export default defineConfig(
  base({
    entry: ['src/main.ts', 'src/index.ts', 'src/profileSummary.ts', 'src/ingest/baselineMain.ts'],
    format: ['esm'],
    dts: false,
  }),
);
