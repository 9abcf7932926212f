// @onenumber/whatsapp: the WhatsApp Cloud API transport for OneNumber. Signed webhooks in
// (createWhatsAppWebhook, ingestInto), inbound media without the token (createMediaClient),
// paced (per number and per customer), fair and retried sends of every kind out (text, templates,
// media, reactions, read receipts: createGraphClient, createOutboxWorker), and an in-process
// customer phone (createSimulator).

// Configuration (env)
export {
  readWhatsAppEnv,
  whatsAppEnvSchema,
  defaultGraphUrl,
  defaultApiVersion,
  type WhatsAppEnv,
  type EnvLike,
} from './config';

// Receiving
export {
  createWhatsAppWebhook,
  whatsAppWebhookOptionsSchema,
  type WebhookHandler,
  type WebhookEnv,
  type WhatsAppWebhook,
  type Ingest,
  type WhatsAppWebhookOptions,
} from './webhook/createWhatsAppWebhook';
export type { NodeBodySource } from './webhook/readBody';
export {
  parkingDefaults,
  batchFor,
  phoneNumberIdsOf,
  type ParkedStore,
  type ParkedDelivery,
  type ParkingOptions,
} from './webhook/parking';
export {
  addCounts,
  emptyIngestReport,
  emptyWebhookCounters,
  type WebhookCounters,
  type MessageCounts,
  type StatusCounts,
  type NoteCounts,
  type ParkedCounts,
} from './webhook/webhookCounters';
export { storedMessage } from './webhook/storedMessage';
export {
  webhookPayloadSchema,
  webhookChangeSchema,
  messagesValueSchema,
  webhookMessageSchema,
  webhookStatusSchema,
  webhookContactSchema,
  webhookMetadataSchema,
  webhookErrorSchema,
  unixTimestampSchema,
  type WebhookContact,
  type WebhookPayload,
  type WebhookPayloadInput,
  type WebhookMessage,
  type WebhookStatus,
  type WebhookErrorItem,
} from './webhook/payloadSchema';
export {
  normaliseWebhook,
  customerFromPhone,
  unattributedCustomer,
  isoFromUnix,
  type WebhookBatch,
  type InboundMessage,
  type StatusReport,
  type StatusError,
  type WebhookOrigin,
  type WebhookErrorReport,
  type OtherChangeReport,
} from './webhook/normaliseWebhook';
export { signWebhookBody, verifyWebhookSignature, signatureHeader } from './webhook/signature';
export {
  ingestInto,
  ingestIntoOptionsSchema,
  resolveByDisplayNumber,
  type IngestIntoOptions,
  type IngestReport,
  type IngestOutcome,
  type IngestTarget,
} from './webhook/ingestInto';

// Inbound media, served without the token (GET /v1/media/{message} on the server)
export {
  createMediaClient,
  mediaClientOptionsSchema,
  mediaLookupSchema,
  type MediaClient,
  type MediaClientOptions,
  type MediaFile,
} from './media/createMediaClient';
export { WhatsAppMediaError, type MediaErrorReason } from './media/mediaError';
export { mediaLimits, servedContentType } from './media/mediaLimits';

// Sending
export {
  sendTextInputSchema,
  sendTemplateInputSchema,
  templateSchema,
  type WhatsAppTransport,
  type SendTextInput,
  type SendTemplateInput,
  type Template,
  type SendResult,
  type SendOptions,
} from './send/transport';
export { fromSchema, toSchema, callbackSchema, messageIdSchema } from './send/fields';
export {
  sendMediaInputSchema,
  uploadMediaInputSchema,
  mediaSourceSchema,
  outboundMediaKinds,
  outboundMediaLimits,
  type OutboundMediaKind,
  type SendMediaInput,
  type UploadMediaInput,
  type UploadResult,
  type MediaBytes,
} from './send/mediaInput';
export {
  sendReactionInputSchema,
  markReadInputSchema,
  reactionEmojiSchema,
  type SendReactionInput,
  type MarkReadInput,
  type MarkReadResult,
} from './send/reactionInput';
export {
  createGraphClient,
  graphClientOptionsSchema,
  type GraphClient,
  type GraphClientOptions,
  type PhoneNumberIdResolver,
} from './send/createGraphClient';
export {
  WhatsAppGraphError,
  classifyGraphCode,
  graphErrorBodySchema,
  graphErrorFromResponse,
  rateLimitCodes,
  temporaryCodes,
  accountCodes,
  retryAfterOf,
  type GraphErrorKind,
  type GraphErrorInfo,
} from './send/graphError';
export {
  graphSendResponseSchema,
  graphSuccessSchema,
  graphUploadResponseSchema,
  textMessageBody,
  templateMessageBody,
  mediaMessageBody,
  reactionMessageBody,
  markReadBody,
  uploadForm,
  recipientFields,
} from './send/graphRequest';
export { backoffDelay, backoffSchema, type Backoff } from './send/backoff';
export { retryWait, documentedWait, type RetryHint } from './send/retryWait';
export { checkWindow, type WindowState } from './send/checkWindow';
export { encodeCallbackData, decodeCallbackData, callbackDataSchema, type CallbackData } from './send/callbackData';

// Pacing
export {
  createRateBudget,
  rateBudgetOptionsSchema,
  type RateBudget,
  type RateBudgetOptions,
} from './pacing/createRateBudget';
export { createMemorySendBudget, createSharedRateBudget, type SendBudgetStore } from './pacing/createSharedRateBudget';
export { TokenBucket } from './pacing/tokenBucket';
export { FairQueue, type Found } from './pacing/fairQueue';
export {
  CustomerPacer,
  createCustomerPacer,
  perCustomerSchema,
  type PairPacer,
  type PerCustomerOptions,
} from './pacing/customerPacer';
export { SharedCustomerPacer, createMemoryPairPacing, type PairPacingStore } from './pacing/sharedCustomerPacer';

// The outbox
export {
  createOutboxWorker,
  outboxWorkerOptionsSchema,
  type OutboxWorker,
  type OutboxWorkerOptions,
  type TickResult,
} from './outbox/createOutboxWorker';
export type { OutboxWorkerCounters, OutboxWorkerEvent, LimitCounters } from './outbox/workerCounters';
export { queuedMediaSchema, queuedReactionSchema } from './outbox/transmit';
export type { ClaimedItem, FairOutboxStore } from './outbox/fairOutbox';
export {
  createMemoryOutbox,
  outboxEnqueueSchema,
  type MemoryOutbox,
  type MemoryOutboxOptions,
  type OutboxRow,
  type OutboxState,
} from './outbox/createMemoryOutbox';
export { lastInboundFromStorage } from './outbox/lastInboundFromStorage';

// The simulator
export { createGraphApiHandler } from './simulator/createGraphApiHandler';
export {
  serveGraphApi,
  type GraphApiServer,
  type GraphApiServerOptions,
  type SendMoment,
} from './simulator/serveGraphApi';
export {
  createSimulator,
  simulatorOptionsSchema,
  type Simulator,
  type SimulatorOptions,
  type SimulatedCustomer,
  type SimulatedMessage,
  type SimulatedReadReceipt,
} from './simulator/createSimulator';
export type { SimulatedUpload } from './simulator/simulatedMedia';
export {
  messagePayload,
  statusPayload,
  messageObject,
  statusObject,
  contactObject,
  type BusinessLine,
  type CustomerIdentity,
  type StatusInput,
} from './simulator/payloads';
export type { DeliveryRecord } from './simulator/delivery';

// Time
export { systemClock, type Clock } from './time/clock';
export { createManualClock, type ManualClock } from './time/manualClock';
export { createSeededRandom, type Random } from './time/random';
