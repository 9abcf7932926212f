// @onenumber/storage-testkit: the conformance suite every ChannelStorage implementation runs.
export {
  describeStorage,
  type StorageDirectory,
  type StorageSetup,
  type SetupOptions,
  type StorageSuiteOptions,
  type SuiteContext,
} from './describeStorage';
export { freshNumber, connectRecord } from './fixtures';
