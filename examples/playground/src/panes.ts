// What each service pane shows, read through that service's own adapter and SDK: its membership
// and role, the members (parent first), the conversation as that service sees it (masked replies
// of other services, R17), the assignee, the R22 notice, whether its agent may reply (canReply)
// and what leaving would change (previewLeave). The page words it all (EN/JA) from these codes.
import { OneNumberError, type OneNumber, type ServiceAdapter } from '@onenumber/core';
import { agentsOf, customer, number, org, type Service } from './demo';
import type { Session } from './session';

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

export async function paneOf(service: Service, session: Session, agent: string) {
  const { adapter, onenumber } = session.handles[service];
  const membership = await onenumber.membership({ org, number, service });
  const channel = await orNull(adapter.members(number));
  const active = membership?.state === 'active';
  const ref = { number, [adapter.vocabulary.customer]: customer, [adapter.vocabulary.agent]: agent };
  const view = active ? await orNull(adapter.view(ref as never)) : null;
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
  const kept = session.keptAssignees.get(service) ?? null;
  if (kept && active && assignee !== kept) session.keptAssignees.delete(service);
  return {
    service,
    displayName: adapter.displayName,
    membership: membership ? membership.state : 'none',
    role: active ? membership.role : null,
    channelStatus: channel?.status ?? null,
    members: channel?.members ?? [],
    agents: agentsOf(service).map(({ id, name, access }) => ({ id, name, access })),
    agent,
    messages: view?.messages ?? [],
    assignee,
    keptAssignee: active && assignee !== null && assignee === kept ? kept : null,
    notice: view?.notice ?? null,
    canReply,
    preview,
  };
}
