export { createMemoryStorage } from './createMemoryStorage';
