// A live feed for one service: from a cursor, from now, or (durable) from the service's stored
// cursor, saving it after each event is handled, so a restart resumes where it stopped (issue 9).
import { OneNumberError } from './errors';
import { ServiceFeed } from './feed';
import type { ChannelStorage } from './storage/ChannelStorage';

export function feedOf(
  storage: ChannelStorage,
  query: { org: string; service: string; after?: string | undefined; durable?: boolean | undefined },
): ServiceFeed {
  const feed = new ServiceFeed();
  if (!query.durable) {
    return feed.attach(
      storage.subscribe({ org: query.org, service: query.service, after: query.after }, (event) => feed.deliver(event)),
    );
  }
  const { loadCursor, saveCursor } = storage;
  if (!loadCursor || !saveCursor)
    throw new OneNumberError('NOT_SUPPORTED', `The ${storage.name} storage keeps no durable cursors.`);
  const where = { org: query.org, service: query.service };
  let stopped = false;
  let stop = () => {
    stopped = true;
  };
  feed.attach(() => stop());
  void loadCursor.call(storage, where).then(
    (cursor) => {
      if (stopped) return;
      stop = storage.subscribe({ ...where, after: cursor ?? '0' }, (event) => {
        feed.deliver(event); // listeners run synchronously; the cursor moves once they returned
        saveCursor.call(storage, { ...where, cursor: event.id }).catch((error: unknown) => feed.emit('error', error));
      });
    },
    (error: unknown) => feed.emit('error', error),
  );
  return feed;
}
