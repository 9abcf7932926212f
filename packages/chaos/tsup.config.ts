import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

export default defineConfig(
  base({
    entry: ['src/main.ts', 'src/index.ts', 'src/checks/raceWorker.ts', 'src/checks/heapProbe.ts'],
    format: ['esm'],
    dts: false,
  }),
);
