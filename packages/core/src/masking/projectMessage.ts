// R17, R18, R20: one service's view of a message. A reply is shown in full in the service that
// sent it; in every other service its text, raw payload and agent are hidden, while its
// existence, time, sending service and status stay visible. The viewer's policy may add the
// agent's name, never the text.
import type { MessageView, StoredMessage } from './message';
import { defaultMaskingPolicy, type MaskingPolicy } from './policy';

export function projectMessage(
  message: StoredMessage,
  viewer: string,
  policy: MaskingPolicy = defaultMaskingPolicy,
): MessageView {
  const full = message.direction === 'in' || message.service === viewer;
  // One object literal with a fixed shape: views of long histories stay cheap (view-1000 bench).
  return {
    id: message.id,
    direction: message.direction,
    service: message.service,
    agent: full ? message.agent : null,
    agentName: full || policy.showAgentName ? message.agentName : null,
    type: message.type,
    text: full ? message.text : null,
    raw: full ? message.raw : null,
    masked: !full,
    status: message.status,
    error: message.error,
    at: message.at,
  };
}
