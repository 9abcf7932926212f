// What each service pane shows, read through that service's own adapter and SDK: its membership
// and role, the members (parent first), the conversation as that service sees it (masked replies
// of other services, R17), the assignee, the R22 notice, whether its agent may reply (canReply)
// and what leaving would change (previewLeave).
import { OneNumberError, type OneNumber, type ServiceAdapter } from '@onenumber/core';
import { agentsOf, customer, number, org, type Service } from './demo';

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

export async function paneOf(service: Service, handle: ServiceHandle, agent: string) {
  const { adapter, onenumber } = handle;
  const membership = await onenumber.storage.findMembership({ org, number, service });
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
  return {
    service,
    displayName: adapter.displayName,
    membership: membership ? membership.state : 'none',
    role: active ? membership.role : null,
    channelStatus: channel?.status ?? null,
    members: channel?.members ?? [],
    agents: agentsOf(service).map(({ id, name }) => ({ id, name })),
    agent,
    messages: view?.messages ?? [],
    assignee: view?.assignee ?? null,
    notice: view?.notice ?? null,
    canReply,
    preview,
  };
}
