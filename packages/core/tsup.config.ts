import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

export default defineConfig(
  base({
    entry: {
      index: 'src/index.ts',
      testkit: 'src/adapter/testkit/index.ts',
      'storage-kit': 'src/storage-kit/index.ts',
      schemas: 'src/schemas/index.ts',
    },
    external: ['vitest'],
  }),
);
