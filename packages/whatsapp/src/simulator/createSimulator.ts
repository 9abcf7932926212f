// A customer phone in process, behind the same transport interface as the Graph client: what the
// business sends (every kind: text, template, media by link or uploaded id, reactions) lands in an
// inspectable inbox per customer, read receipts and typing indicators are recorded; customers
// send messages, and every business message gets statuses (sent, delivered, then read when the
// customer reads; a reaction only `sent`, as Meta's "Reaction messages" documents), each
// delivered as a properly shaped, properly SIGNED webhook to a handler or a URL. The example
// app, scenarios and tests run with no Meta account.
import { normaliseCustomer, normaliseNumber, OneNumberError } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { sendMediaInputSchema, type SendMediaInput } from '../send/mediaInput';
import {
  markReadInputSchema,
  sendReactionInputSchema,
  type MarkReadInput,
  type SendReactionInput,
} from '../send/reactionInput';
import {
  sendTemplateInputSchema,
  sendTextInputSchema,
  type SendResult,
  type SendTemplateInput,
  type SendTextInput,
  type WhatsAppTransport,
} from '../send/transport';
import { systemClock, type Clock } from '../time/clock';
import type { WebhookHandler } from '../webhook/createWhatsAppWebhook';
import { createDelivery, type DeliveryRecord } from './delivery';
import { messagePayload, statusPayload, type BusinessLine, type CustomerIdentity, type StatusInput } from './payloads';
import { failedOnPurpose, windowClosed } from './simulatedGraphError';
import { createSimulatedMedia } from './simulatedMedia';
import {
  mediaContent,
  reactionContent,
  templateContent,
  textContent,
  type SimulatedContent,
  type SimulatedMessage,
  type SimulatedReadReceipt,
} from './simulatedMessage';

export type { SimulatedMessage, SimulatedReadReceipt } from './simulatedMessage';

const fn = (v: unknown) => typeof v === 'function';

export const simulatorOptionsSchema = z
  .object({
    /** Signs every delivery (the server's WHATSAPP_APP_SECRET). */
    appSecret: z.string().min(1, 'the simulator signs deliveries with the app secret'),
    /** Business number (any format) → phone_number_id; numbers not listed get an id on first use. */
    numbers: z.record(z.string(), z.string().regex(/^[0-9]{1,32}$/, 'a phone_number_id is digits')).default({}),
    /** Where deliveries go: a fetch-style handler or a URL. Can be set later with `connect`. */
    webhook: z.union([z.custom<WebhookHandler>(fn), z.url({ protocol: /^https?$/ })]).optional(),
    clock: z
      .custom<Clock>(
        (v) => typeof (v as Clock)?.now === 'function' && typeof (v as Clock)?.sleep === 'function',
        'clock needs now() and sleep()',
      )
      .optional(),
    /** The WhatsApp Business Account id written in each delivery. */
    account: z
      .string()
      .regex(/^[0-9]{1,32}$/)
      .default('102290129340398'),
    /** `auto` (default): `sent` and `delivered` follow each send by themselves; `manual`: call `deliverStatus`. */
    statuses: z.enum(['auto', 'manual']).default('auto'),
    /** Refuse free-form messages outside the 24-hour window with Graph error 131047 (default true). */
    enforceWindow: z.boolean().default(true),
  })
  .strict();

export type SimulatorOptions = z.input<typeof simulatorOptionsSchema>;

export interface SimulatedCustomer {
  readonly id: string;
  /** Sends a text to a business number; resolves with the delivery's wamid and HTTP status. */
  send(text: string, options: { to: string }): Promise<{ id: string; status: number }>;
  /** Sends any other type (image, location, reaction, ...): `content` is that type's object. */
  sendMessage(input: { to: string; type: string; content?: unknown }): Promise<{ id: string; status: number }>;
  /** What the business sent this customer, oldest first. */
  inbox(): SimulatedMessage[];
  /** Reads every unread message: each gets a `read` status. */
  read(): Promise<void>;
  /** The business's read receipts on this customer's messages, oldest first. */
  receipts(): SimulatedReadReceipt[];
}

const wamid = () => `wamid.${randomBytes(24).toString('base64url')}`;

export function createSimulator(input: SimulatorOptions) {
  const options = parseInput(simulatorOptionsSchema, input, 'options');
  const clock = options.clock ?? systemClock;
  const account = options.account;
  const byNumber = new Map<string, string>();
  const byPhoneNumberId = new Map<string, string>();
  const inboxes = new Map<string, SimulatedMessage[]>();
  const lastInbound = new Map<string, number>();
  const identities = new Map<string, CustomerIdentity>();
  const senders = new Map<string, string>(); // a customer message's wamid -> its customer
  const receipts: SimulatedReadReceipt[] = [];
  const failures: number[] = [];
  const media = createSimulatedMedia();
  const delivery = createDelivery(options.appSecret, options.webhook);
  let nextId = 1;

  const register = (number: string, phoneNumberId?: string) => {
    const e164 = normaliseNumber(number);
    if (!e164)
      throw new OneNumberError('INVALID_NUMBER', `"${number}" is not a valid business number`, { field: 'number' });
    let id = byNumber.get(e164);
    if (!id) {
      id = phoneNumberId ?? String(100_000_000_000_000 + nextId++);
      byNumber.set(e164, id);
      byPhoneNumberId.set(id, e164);
    }
    return { number: e164, phoneNumberId: id };
  };
  for (const [number, id] of Object.entries(options.numbers)) register(number, id);

  const lineOf = (number: string): BusinessLine => {
    const { number: e164, phoneNumberId } = register(number);
    return { account, phoneNumberId, displayPhoneNumber: e164.slice(1) };
  };
  const senderOf = (from: string): string => {
    const number = from.startsWith('+') ? normaliseNumber(from) : byPhoneNumberId.get(from);
    if (!number)
      throw new OneNumberError('NOT_CONNECTED', `The simulator knows no business number "${from}".`, { field: 'from' });
    return number;
  };
  const inboxOf = (customer: string) => {
    let inbox = inboxes.get(customer);
    if (!inbox) inboxes.set(customer, (inbox = []));
    return inbox;
  };
  const identityOf = (customer: string): CustomerIdentity =>
    identities.get(customer) ?? (customer.startsWith('+') ? { phone: customer } : { userId: customer });

  function status(message: SimulatedMessage, value: StatusInput['status'], errors?: StatusInput['errors']) {
    if (value !== 'failed') message.status = value;
    return delivery.deliver(
      statusPayload(lineOf(message.from), identityOf(message.to), {
        id: message.id,
        status: value,
        at: clock.now(),
        bizOpaqueCallbackData: message.bizOpaqueCallbackData ?? undefined,
        errors,
      }),
      'statuses',
    );
  }

  function accept(
    from: string,
    to: string,
    content: SimulatedContent,
    bizOpaqueCallbackData: string | undefined,
  ): SendResult {
    const code = failures.shift();
    if (code !== undefined) throw failedOnPurpose(code);
    const number = senderOf(from);
    const customer = normaliseCustomer(to);
    const last = lastInbound.get(`${number}\u0000${customer}`);
    const open = last !== undefined && clock.now() - last < 24 * 3_600_000;
    if (content.type !== 'template' && options.enforceWindow && !open) throw windowClosed();
    const message: SimulatedMessage = {
      id: wamid(),
      from: number,
      to: customer,
      ...content,
      bizOpaqueCallbackData: bizOpaqueCallbackData ?? null,
      at: new Date(clock.now()).toISOString(),
      status: 'sent',
    };
    inboxOf(customer).push(message);
    if (options.statuses !== 'manual')
      delivery.later(async () => {
        await status(message, 'sent');
        if (message.type !== 'reaction') await status(message, 'delivered'); // a reaction gets `sent` only
      });
    return { id: message.id, waId: customer.startsWith('+') ? customer.slice(1) : null, attempts: 1 };
  }

  function markRead(from: string, messageId: string, typing: boolean) {
    const code = failures.shift();
    if (code !== undefined) throw failedOnPurpose(code);
    senderOf(from);
    receipts.push({
      messageId,
      customer: senders.get(messageId) ?? null,
      typing,
      at: new Date(clock.now()).toISOString(),
    });
    return { success: true, attempts: 1 };
  }

  function customer(id: string, profile: { name?: string } = {}): SimulatedCustomer {
    const key = normaliseCustomer(id);
    identities.set(key, {
      ...(key.startsWith('+') ? { phone: key } : { userId: key }),
      name: profile.name ?? identities.get(key)?.name,
    });
    const sendMessage = async (input: { to: string; type: string; content?: unknown }) => {
      const line = lineOf(input.to);
      lastInbound.set(`${senderOf(input.to)}\u0000${key}`, clock.now());
      const messageId = wamid();
      senders.set(messageId, key);
      const status = await delivery.deliver(
        messagePayload(line, identityOf(key), {
          id: messageId,
          at: clock.now(),
          type: input.type,
          content: input.content,
        }),
        'messages',
      );
      return { id: messageId, status };
    };
    return {
      id: key,
      send: (text, { to }) => sendMessage({ to, type: 'text', content: { body: text } }),
      sendMessage,
      inbox: () => [...inboxOf(key)],
      async read() {
        for (const message of inboxOf(key))
          if (message.status !== 'read' && message.type !== 'reaction') await status(message, 'read');
      },
      receipts: () => receipts.filter((r) => r.customer === key).map((r) => ({ ...r })),
    };
  }

  const transport = {
    name: 'simulator',
    async sendText(input: SendTextInput) {
      const p = parseInput(sendTextInputSchema, input);
      return accept(p.from, p.to, textContent(p), p.bizOpaqueCallbackData);
    },
    async sendTemplate(input: SendTemplateInput) {
      const p = parseInput(sendTemplateInputSchema, input);
      return accept(p.from, p.to, templateContent(p), p.bizOpaqueCallbackData);
    },
    async sendMedia(input: SendMediaInput) {
      const p = parseInput(sendMediaInputSchema, input);
      return accept(p.from, p.to, mediaContent(p), p.bizOpaqueCallbackData);
    },
    async sendReaction(input: SendReactionInput) {
      const p = parseInput(sendReactionInputSchema, input);
      return accept(p.from, p.to, reactionContent(p), p.bizOpaqueCallbackData);
    },
    async markRead(input: MarkReadInput) {
      const p = parseInput(markReadInputSchema, input);
      return markRead(p.from, p.messageId, p.typing);
    },
    // Media without a Meta account: uploadMedia, putMedia(id, file), downloadMedia (a stand-in for other ids).
    ...media,
  } satisfies WhatsAppTransport;

  return {
    ...transport,
    customer,
    /** The phone_number_id the simulator gives a business number (register it with the server). */
    phoneNumberIdOf: (number: string) => register(number).phoneNumberId,
    numberOf: (phoneNumberId: string) => byPhoneNumberId.get(phoneNumberId) ?? null,
    inbox: (customerId: string) => [...inboxOf(normaliseCustomer(customerId))],
    /** Every read receipt the business sent (with `typing` when it asked for the indicator), oldest first. */
    readReceipts: (): SimulatedReadReceipt[] => receipts.map((r) => ({ ...r })),
    /** Delivers a status of a business message now (any order: read before delivered is allowed). */
    deliverStatus(id: string, value: StatusInput['status'], errors?: StatusInput['errors']) {
      const message = [...inboxes.values()].flat().find((m) => m.id === id);
      if (!message) throw new OneNumberError('UNKNOWN_MESSAGE', `The simulator sent no message "${id}".`);
      return status(message, value, errors);
    },
    /** The next send fails with this Graph error code (real error body), once per call. */
    failNext: (code: number) => void failures.push(code),
    connect: (webhook: WebhookHandler | string) => delivery.connect(webhook),
    /** Waits until every automatic delivery (statuses) went out. */
    settle: () => delivery.settle(),
    /** Every delivery attempt, in order (HTTP status; no text). */
    deliveries: (): DeliveryRecord[] => delivery.log(),
    /** Delivers again what was not acknowledged with 200 (WhatsApp retries too). */
    redeliver: () => delivery.redeliver(),
  };
}

export type Simulator = ReturnType<typeof createSimulator>;
