// R29: parked webhook deliveries in the server's database, as @onenumber/whatsapp's ParkedStore
// (what the webhook parks and replays) and what GET /v1/admin/whatsapp/parked lists. Each
// statement on its own: a park is one conditional insert (the size cap read in it).
import { guarded } from '../common/errors';
import type { ParkedDeliveries } from '../common/parkedTypes';
import type { Runner } from '../port/runner';
import { all, one, run } from '../port/steps';

const bytesOf = (body: unknown): Uint8Array =>
  body instanceof Uint8Array ? body : new TextEncoder().encode(String(body ?? ''));

export function parkedStore(db: Runner): ParkedDeliveries {
  return {
    park: ({ phoneNumberId, body, at, maxBytes }) =>
      guarded(() =>
        db.run(function* () {
          const written = yield* run('parkDelivery', phoneNumberId, Buffer.from(body), body.byteLength, at, maxBytes);
          return written > 0;
        }),
      ),
    phoneNumberIds: () =>
      guarded(() =>
        db.run(function* () {
          return (yield* all('parkedNumbers')).map((r) => r.phone_number_id);
        }),
      ),
    oldest: (phoneNumberId, limit) =>
      guarded(() =>
        db.run(function* () {
          const rows = yield* all('oldestParked', phoneNumberId, limit);
          return rows.map((r) => ({ seq: Number(r.seq), phoneNumberId, body: bytesOf(r.body) }));
        }),
      ),
    remove: (seq) =>
      guarded(() =>
        db.run(function* () {
          yield* run('removeParked', seq);
        }),
      ),
    expire: (before) =>
      guarded(() =>
        db.run(function* () {
          return yield* run('expireParked', before);
        }),
      ),
    list: (limit) =>
      guarded(() =>
        db.read(function* () {
          const rows = yield* all('listParked', limit);
          const total = yield* one('parkedTotal');
          return {
            deliveries: rows.map((r) => ({
              seq: Number(r.seq),
              phoneNumberId: r.phone_number_id,
              bytes: Number(r.size),
              arrivedAt: new Date(Number(r.arrived_at)).toISOString(),
            })),
            count: Number(total?.count ?? 0),
            bytes: Number(total?.bytes ?? 0),
          };
        }),
      ),
  };
}
