import { describeStorage } from '@onenumber/storage-testkit';
import { createMemoryStorage } from '../src';

describeStorage('memory', () => createMemoryStorage());
