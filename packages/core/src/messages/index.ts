// R15, R17, R19, R27: typed message content (Meta Cloud API webhook reference, messages): kinds,
// schemas, contentOf and the one-line summaries.
export { contentOf, textOf } from './contentOf';
export { summaryOf, oneLine } from './summaryOf';
export {
  contentKey,
  mediaKinds,
  type MediaKind,
  type MessageContent,
  type MessageKind,
  type Referral,
} from './messageContent';
export * as messagePartSchemas from './contentSchemas';
