// One build shape for every package: ESM + CJS + d.ts from src/index.ts.
import type { Options } from 'tsup';

export const base = (extra: Partial<Options> = {}): Options => ({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  ...extra,
});
