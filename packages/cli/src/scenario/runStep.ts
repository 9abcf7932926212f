// One scenario step through the SDK, and its result in the documented shape (docs/scenarios.md).
import { randomUUID } from 'node:crypto';
import { OneNumberError, type MessageView } from '@onenumber/core';
import type { ScenarioApi } from './backend';
import type { Step } from './schema';
import { customerChange } from './customerChange';
import { runBeyondStep } from './runBeyondStep';

export type StepResult = Record<string, unknown>;

/** Step labels (`as`) to what later steps need: a reply's message id. */
export type Labels = Map<string, StepResult>;

const messageShape = (m: MessageView) => ({
  direction: m.direction,
  service: m.service,
  agent: m.agent,
  text: m.text,
  masked: m.masked,
  status: m.status,
  ...(m.agentName && m.masked ? { agentName: m.agentName } : {}),
});

export async function runStep(api: ScenarioApi, step: Step, org: string, labels: Labels): Promise<StepResult> {
  switch (step.op) {
    case 'connect':
      return { ...(await api.connect({ org, service: step.service, number: step.number })) };
    case 'disable':
    case 'enable':
    case 'remove':
      return { members: (await api[step.op]({ org, service: step.service, number: step.number })).members };
    case 'members': {
      const r = await api.members({ org, number: step.number, ...(step.service ? { service: step.service } : {}) });
      return { channel: r.channel, status: r.status, members: r.members };
    }
    case 'configure':
      await api.configure({ org, service: step.service, number: step.number, settings: step.settings as never });
      return { ok: true };
    case 'inbound': {
      const r = await api.receive({
        number: step.number,
        customer: step.customer,
        text: step.text,
        ...(step.id ? { id: step.id } : {}),
      });
      return {
        conversation: r.conversation,
        deliveredTo: r.deliveredTo,
        undelivered: r.undelivered,
        duplicate: r.duplicate,
      };
    }
    case 'react':
    case 'edit':
    case 'revoke': {
      // R30: received as the webhook stores a customer's change; its id defaults to one of the step's own.
      const id = step.id ?? `wamid.${step.op}.${randomUUID()}`;
      const r = await api.receive({ number: step.number, customer: step.customer, id, ...customerChange(step, id) });
      return { conversation: r.conversation, deliveredTo: r.deliveredTo, duplicate: r.duplicate };
    }
    case 'reply': {
      const r = await api.reply({
        org,
        service: step.service,
        agent: step.agent,
        number: step.number,
        customer: step.customer,
        text: step.text,
      });
      return { message: r.message };
    }
    case 'assign':
      return {
        ...(await api.assign({
          org,
          service: step.service,
          agent: step.agent,
          number: step.number,
          customer: step.customer,
          confirm: step.confirm ?? false,
        })),
      };
    case 'view': {
      const r = await api.view({
        org,
        service: step.service,
        agent: step.agent,
        number: step.number,
        customer: step.customer,
      });
      return { messages: r.messages.map(messageShape), assignee: r.assignee, notice: r.notice };
    }
    case 'mark-read': {
      const r = await api.markRead({
        org,
        service: step.service,
        agent: step.agent,
        number: step.number,
        customer: step.customer,
        typing: step.typing ?? false,
      });
      return { moved: r.moved, receipt: r.receipt };
    }
    case 'status': {
      const message = labels.get(step.message)?.message;
      if (typeof message !== 'string')
        throw new OneNumberError('UNKNOWN_LABEL', `No earlier reply step is labelled "${step.message}".`, {
          field: 'message',
        });
      await api.updateStatus({ org, message, status: step.status });
      return { ok: true };
    }
    default:
      return runBeyondStep(api, step, org, labels);
  }
}
