import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

export default defineConfig([
  base({
    clean: false,
    entry: {
      index: 'src/index.ts',
      'storage-kit': 'src/storage-kit/index.ts',
      schemas: 'src/schemas/index.ts',
    },
  }),
  // The adapter suite runs inside vitest, which cannot be required from CommonJS: ESM only.
  // The two builds run at once, so neither cleans dist: the build script empties it first.
  base({ entry: { testkit: 'src/adapter/testkit/index.ts' }, format: ['esm'], external: ['vitest'], clean: false }),
]);
