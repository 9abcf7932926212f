export { runBench } from './runBench';
export type { Result } from './harness';
