// What each service pane shows, read through that service's own adapter and SDK: its membership
// and role, the members (parent first), its conversation list (conversations.ts), the open
// conversation as that service sees it (masked replies of other services, R17), the assignee, the
// R22 notice, whether its agent may reply (canReply) and what leaving would change (previewLeave).
// The page words it all (EN/JA) from these codes.
import { OneNumberError, type OneNumber, type ServiceAdapter } from '@onenumber/core';
import { conversationsOf } from './conversations';
import { agentsOf, customers, number, org, type Service } from './demo';
import { keptKey, type Session } from './session';

export interface ServiceHandle {
  adapter: ServiceAdapter;
  onenumber: OneNumber;
}

async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (OneNumberError.isInstance(error)) return null;
    throw error;
  }
}

/** `asked`: the customer the page opened in this pane; else the newest conversation (or the first customer). */
export async function paneOf(service: Service, session: Session, agent: string, asked: string | null) {
  const { adapter, onenumber } = session.handles[service];
  const membership = await onenumber.membership({ org, number, service });
  const channel = await orNull(adapter.members(number));
  const active = membership?.state === 'active';
  const entries = active ? await conversationsOf(onenumber, service) : [];
  const customer = entries.find((e) => e.customer === asked)?.customer ?? entries[0]?.customer ?? customers[0].id;
  const opened = entries.some((e) => e.customer === customer);
  const view = opened ? await orNull(onenumber.view({ org, service, agent, number, customer })) : null;
  const canReply = await onenumber
    .canReply({ org, service, agent, number, customer })
    .catch((error: unknown) =>
      OneNumberError.isInstance(error)
        ? { ok: false as const, reason: error.code, message: error.message, templateAllowed: false }
        : Promise.reject(error),
    );
  const preview = membership
    ? {
        disable: await orNull(onenumber.previewLeave({ org, service, number, action: 'disable' })),
        remove: await orNull(onenumber.previewLeave({ org, service, number, action: 'remove' })),
      }
    : null;
  const assignee = view?.assignee ?? null;
  // An assignee kept from before a Remove (R12, R21) is explained until the assignment changes.
  const key = keptKey(service, customer);
  const kept = session.keptAssignees.get(key) ?? null;
  if (kept && active && assignee !== kept) session.keptAssignees.delete(key);
  return {
    service,
    displayName: adapter.displayName,
    membership: membership ? membership.state : 'none',
    role: active ? membership.role : null,
    channelStatus: channel?.status ?? null,
    members: channel?.members ?? [],
    agents: agentsOf(service).map(({ id, name, access }) => ({ id, name, access })),
    agent,
    conversations: entries,
    customer,
    messages: view?.messages ?? [],
    assignee,
    keptAssignee: active && assignee !== null && assignee === kept ? kept : null,
    notice: view?.notice ?? null,
    canReply,
    preview,
  };
}
