// R16, R19, R21..R24, R33, written once for every dialect: replies (queued in the outbox in the
// same write, R16), assignments, the decision for an acting or viewing agent (made here, where the
// assignments and the directory's agents are: only what that agent may see leaves), and views
// projected with the policy in force for the viewing service (R18, R20, R33). The conversation's
// version guards the decision: a write decided on an older version is a CONFLICT (core decides again).
import type { MessageView } from '@onenumber/core';
import {
  activeServices,
  assertStorableMessage,
  assignmentEffects,
  conflict,
  decideConversation,
  holdFor,
  planReply,
  projectMessage,
  replyEffects,
  viewerIn,
  type AssignmentRecord,
  type ConversationDecision,
  type ConversationInfo,
  type DecisionQuery,
  type ReplyRecord,
  type ReplyRoute,
  type ViewQuery,
} from '@onenumber/core/storage-kit';
import { toAgent } from '../common/directoryRows';
import { guarded } from '../common/errors';
import { policyOf } from '../common/rows';
import { utc } from '../common/schemas';
import type { Runner } from '../port/runner';
import { all, announce, conversationLane, one, order, run, type Steps } from '../port/steps';
import { channelIn, conversationIn, membershipsOf, placeOf } from './facts';
import { assign, storeMessage } from './messages';

/** The channel and conversation a write acts on, the number's memberships held still, the version checked. */
function* target(input: { org: string; channel: string; conversation: string; expectedVersion: number }, step: 0 | 1) {
  const channel = yield* channelIn(input.org, input.channel);
  const conversation = yield* conversationIn(channel, input.conversation);
  yield* order(conversationLane(channel.number, conversation.customer));
  yield* one('shareNumber', channel.number);
  const bumped = yield* one('bumpVersion', conversation.id, input.expectedVersion, step);
  if (!bumped) throw conflict();
  return { channel, conversation, version: bumped.version, memberships: yield* membershipsOf(channel.id) };
}

function* appendReply(input: ReplyRecord, route: ReplyRoute): Steps<{ message: string; version: number }> {
  const plan = planReply(input, route); // R38: pending while a sender is configured
  const { channel, conversation, version, memberships } = yield* target(input, plan.versionStep);
  const { message, pos } = yield* storeMessage(plan.message, channel.org);
  const effects = replyEffects({
    place: placeOf(channel, input.at),
    customer: conversation.customer,
    message,
    assign: input.assign,
    memberships,
  });
  if (effects.assignment) yield* assign(channel.org, conversation.id, effects.assignment);
  yield* run('insertOutbox', message.id, pos, utc(input.at), utc(input.at)); // R16: queued with the reply
  yield* announce([effects.announcement]);
  return { message: message.id, version };
}

function* setAssignment(input: AssignmentRecord): Steps<{ version: number }> {
  const { channel, conversation, version, memberships } = yield* target(input, 1);
  const effects = assignmentEffects({
    place: placeOf(channel, input.at),
    conversation,
    service: input.service,
    agent: input.agent,
    why: input.cause ?? 'assign',
    memberships,
  });
  yield* assign(channel.org, conversation.id, effects);
  return { version };
}

function* conversation(input: { org: string; channel: string; customer: string }): Steps<ConversationInfo | null> {
  const channel = yield* channelIn(input.org, input.channel);
  const found = yield* one('conversationByCustomer', channel.id, input.customer);
  if (!found) return null;
  return { id: found.id, channel: channel.id, customer: found.customer, lastInboundAt: found.last_inbound_at };
}

/** R22..R24, R33: one read of the assignments, the active members and the two agents' directory entries. */
function* decide(query: DecisionQuery): Steps<ConversationDecision | null> {
  const channel = yield* channelIn(query.org, query.channel);
  const found = yield* one('conversationByCustomer', channel.id, query.customer);
  if (!found) return null;
  const facts = {
    assignments: yield* all('assignmentsOf', found.id),
    activeServices: activeServices(yield* all('membershipsOfChannel', channel.id)),
  };
  const hold = holdFor(facts, query.service, query.agent);
  const viewer = yield* one('agentById', channel.org, query.agent);
  const holder = hold ? yield* one('agentById', channel.org, hold.agent) : undefined;
  return decideConversation({
    ...query,
    conversation: { id: found.id, version: found.version, lastInboundAt: found.last_inbound_at },
    facts,
    viewer: viewer ? toAgent(viewer) : null,
    holder: holder ? toAgent(holder) : null,
  });
}

function* view(input: ViewQuery): Steps<MessageView[]> {
  const channel = yield* channelIn(input.org, input.channel);
  const membership = viewerIn(yield* one('membershipInChannel', channel.id, input.service));
  const found = yield* conversationIn(channel, input.conversation);
  const policy = policyOf(membership);
  return (yield* all('historyOf', found.id)).map((m) => projectMessage(m, input.service, policy));
}

/** `route` is read at each reply: the server turns its transport on once its sender is configured (R38). */
export function conversationStore(db: Runner, route: ReplyRoute = { transport: false }) {
  return {
    appendReply: (input: ReplyRecord): Promise<{ message: string; version: number }> =>
      guarded(() => {
        assertStorableMessage(input); // R27, R36: core's decision on what may be stored
        return db.write(() => appendReply(input, { transport: route.transport }));
      }),
    setAssignment: (input: AssignmentRecord): Promise<{ version: number }> =>
      guarded(() => db.write(() => setAssignment(input))),
    conversation: (input: { org: string; channel: string; customer: string }): Promise<ConversationInfo | null> =>
      guarded(() => db.read(() => conversation(input))),
    decide: (query: DecisionQuery): Promise<ConversationDecision | null> => guarded(() => db.read(() => decide(query))),
    view: (input: ViewQuery): Promise<MessageView[]> => guarded(() => db.read(() => view(input))),
  };
}
