// R17, R18, R20: one service's view of a message. A reply is shown in full in the service that
// sent it; in every other service its text, raw payload and agent are hidden, while its
// existence, time, sending service and status stay visible. The viewer's policy may add the
// agent's name, never the text.
import type { MessageView, StoredMessage } from './message';
import { defaultMaskingPolicy, type MaskingPolicy } from './policy';

export function projectMessage(message: StoredMessage, viewer: string, policy: MaskingPolicy = defaultMaskingPolicy): MessageView {
  const base = {
    id: message.id,
    direction: message.direction,
    service: message.service,
    type: message.type,
    status: message.status,
    error: message.error,
    at: message.at,
  };
  if (message.direction === 'in' || message.service === viewer) {
    return { ...base, agent: message.agent, agentName: message.agentName, text: message.text, raw: message.raw, masked: false };
  }
  return {
    ...base,
    agent: null,
    agentName: policy.showAgentName ? message.agentName : null,
    text: null,
    raw: null,
    masked: true,
  };
}
