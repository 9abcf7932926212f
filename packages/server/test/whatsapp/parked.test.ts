// R29 on SQLite: parked deliveries (support/parkedCases.ts).
import { describe } from 'vitest';
import { sqliteDatabase } from '../http/support/tempFiles';
import { parkedCases } from './support/parkedCases';

describe('R29: parked deliveries (SQLite)', () => {
  parkedCases(async () => sqliteDatabase());
});
