// R25, R34: who may manage a push subscription: the admin, any; a service token, only its own
// service's in its own org. Another's subscription is answered as not found (its existence is
// not told). The push store is optional on a database: without it the routes answer 501.
import { OneNumberError } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import type { PushStore, SigningSubscription } from '../../db/common/pushTypes';
import type { Principal, ServerDatabase } from '../../db/ServerDatabase';
import { idSchema } from '../schemas/records';

export function pushStoreOf(db: ServerDatabase): PushStore {
  if (!db.push) throw new OneNumberError('NOT_SUPPORTED', 'This server database has no push delivery.');
  return db.push;
}

export const subscriptionId = (value: string | undefined): string => parseInput(idSchema, value, 'id');

const notFound = (id: string) =>
  new OneNumberError('NOT_FOUND', `No push subscription "${id}" (or not this token's).`, { field: 'id' });

/** The subscription, if the principal may manage it; NOT_FOUND otherwise. */
export async function ownSubscription(push: PushStore, principal: Principal, id: string): Promise<SigningSubscription> {
  const found = await push.get(id);
  if (!found) throw notFound(id);
  if (principal.kind === 'service' && (found.org !== principal.org || found.service !== principal.service))
    throw notFound(id);
  return found;
}

/** A subscription's public view: never its secrets. */
export function publicView({ secrets: _, ...rest }: SigningSubscription) {
  return rest;
}

/** The (org, service) a request acts for: the body's, or a service token's own. */
export function streamOf(principal: Principal, input: { org?: string | undefined; service?: string | undefined }) {
  const org = input.org ?? (principal.kind === 'service' ? principal.org : undefined);
  const service = input.service ?? (principal.kind === 'service' ? principal.service : undefined);
  if (!org) throw new OneNumberError('INVALID_INPUT', 'org: the admin names the org', { field: 'org' });
  if (!service) throw new OneNumberError('INVALID_INPUT', 'service: the admin names the service', { field: 'service' });
  return { org, service };
}
