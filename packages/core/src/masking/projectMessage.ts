// R17, R18, R20, R32: one service's view of a message. A reply is shown in full in the service
// that sent it; in every other service its text, raw payload and agent are hidden, while its
// existence, time, sending service and status stay visible, and a failure shows its code with
// the fixed title of its code (R32). The viewer's policy may add the agent's name, never the text.
import { isMessageType } from './messageType';
import type { MessageView, StoredMessage } from './message';
import { defaultMaskingPolicy, type MaskingPolicy } from './policy';
import { projectError } from './projectError';

export function projectMessage(
  message: StoredMessage,
  viewer: string,
  policy: MaskingPolicy = defaultMaskingPolicy,
): MessageView {
  const full = message.direction === 'in' || message.service === viewer;
  // One object literal with a fixed shape: views of long histories stay cheap (view-1000 bench).
  const view: MessageView = {
    id: message.id,
    direction: message.direction,
    service: message.service,
    agent: full ? message.agent : null,
    agentName: full || policy.showAgentName ? message.agentName : null,
    // A type stored before the list was closed (R27) reaches other services as `unsupported`.
    type: full || isMessageType(message.type) ? message.type : 'unsupported',
    text: full ? message.text : null,
    raw: full ? message.raw : null,
    masked: !full,
    status: message.status,
    error: message.error === null ? null : projectError(message.error, message.service, viewer),
    at: message.at,
  };
  // R36: a stored field a read could not decode; another service is not told about the raw it never sees.
  const omitted = full ? message.omitted : message.omitted?.filter((field) => field !== 'raw');
  if (omitted?.length) view.omitted = omitted;
  return view;
}
