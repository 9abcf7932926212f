// The crash check's repeat oracle can fail: a repeat with no kill between its sends, or of a send
// the server had recorded, falls outside the window the issue allows.
import { expect, it } from 'vitest';
import { explainRepeats, type Send } from '../src/checks/replySends';

const sends = (list: [number, string][]) => list.map(([at, wamid]): Send => ({ at, wamid }));

it('R16: a repeat after a kill that fell between an unrecorded send and the repeat is in the window', () => {
  const repeats = explainRepeats(
    new Map([
      [
        'm1',
        sends([
          [100, 'w1'],
          [900, 'w2'],
        ]),
      ],
    ]),
    [
      { at: 50, moment: 'inbound' },
      { at: 120, moment: 'after-send' },
    ],
    new Map([['m1', 'w2']]),
  );
  expect(repeats).toEqual([{ id: 'm1', kill: 1, previousRecorded: false }]);
});

it('R16: a repeat with no kill between the sends is caught', () => {
  const repeats = explainRepeats(
    new Map([
      [
        'm1',
        sends([
          [100, 'w1'],
          [200, 'w2'],
        ]),
      ],
    ]),
    [{ at: 300, moment: 'inbound' }],
    new Map([['m1', 'w2']]),
  );
  expect(repeats).toEqual([{ id: 'm1', kill: null, previousRecorded: false }]);
});

it('R16: a repeat of a send the server had recorded is caught, kill or not', () => {
  const repeats = explainRepeats(
    new Map([
      [
        'm1',
        sends([
          [100, 'w1'],
          [500, 'w2'],
        ]),
      ],
    ]),
    [{ at: 300, moment: 'inbound' }],
    new Map([['m1', 'w1']]),
  );
  expect(repeats).toEqual([{ id: 'm1', kill: 0, previousRecorded: true }]);
});

it('a reply sent once is no repeat', () => {
  expect(explainRepeats(new Map([['m1', sends([[100, 'w1']])]]), [], new Map([['m1', 'w1']]))).toEqual([]);
});
