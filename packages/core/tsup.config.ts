import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

// One build for every entry, so their declaration files share one set of types (two builds
// declared core's types twice, and an adapter's types no longer matched the testkit's). The
// testkit's CommonJS file is built too but not exported: it runs inside vitest, which is ESM only.
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
