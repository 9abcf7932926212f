// @onenumber/storage-http: ChannelStorage and the Directory port over fetch, against the
// OneNumber server (@onenumber/server).
export { createHttpStorage, openHttpStorage } from './createHttpStorage';
export { createHttpDirectory } from './createHttpDirectory';
export {
  httpClientOptionsSchema,
  httpStorageOptionsSchema,
  type FetchLike,
  type HttpClientOptions,
  type HttpStorageOptions,
} from './options';
