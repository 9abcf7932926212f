// @onenumber/core/testkit: the shared adapter suite every service adapter runs (needs vitest, an
// optional peer dependency; the main entry never imports this file).
export { describeAdapter, adapterSuiteGroups, type AdapterSuiteOptions, type AdapterCase } from './describeAdapter';
export {
  makeOneNumber,
  otherServiceOf,
  agents,
  words,
  N1,
  N2,
  C1,
  type AdapterSuiteContext,
  type AnyAdapter,
  type StorageFactory,
} from './adapterWorld';
export { runReadmeExample } from './runReadmeExample';
