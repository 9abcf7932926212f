import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

export default defineConfig(
  base({ entry: { index: 'src/index.ts', testkit: 'src/adapter/testkit/index.ts' }, external: ['vitest'] }),
);
