import type { ChatMessage } from '../src/protocol/types.js';
import type { Chat } from '../src/session/state.js';
import { agentExpectations, TIMED_OUT } from './expectations.js';
import { inBatches, request } from './http.js';
import type { Ledger } from './ledger.js';
import { addSides, emptySide, tally, type SideFigures } from './tally.js';

/** A chat as `GET /api/chats/:id` answers it. */
export interface ServerChat {
  id: string;
  state: 'queued' | 'offered' | 'active' | 'ended' | 'closed';
  agentId?: string;
  messages: ChatMessage[];
}

/** Each direction, counted over every chat of the run. */
export interface Sides {
  /** Agent messages the sessions accepted, found in the server's transcripts. */
  agentToServer: SideFigures;
  /** Contact messages the server acknowledged, found in its transcripts. */
  contactToServer: SideFigures;
  /** Acknowledged contact messages of assigned chats, received by the session of the agent holding them. */
  contactToAgent: SideFigures;
  /** In the workspaces, for chats still held at the end: the agent's messages... */
  workspaceAgent: SideFigures;
  /** ...and the contact's. */
  workspaceContact: SideFigures;
}

export interface Verification {
  sides: Sides;
  chatsChecked: number;
  chatsHeld: number;
  /** Contact messages of chats nobody was assigned (still queued, or the contact left first). */
  waitingUnassigned: number;
  /** Agent messages the platform refused (the chat had ended), shown as failed in the workspace. */
  refusedAgentMessages: number;
  /** Why agent messages failed (refused or not), in the session's words, with how often. */
  refusalReasons: Record<string, number>;
  /** Contact requests that got no answer but whose message the server had recorded. */
  unacknowledgedRecorded: number;
  /** Agent messages refused for a reason of the platform's that the server nevertheless recorded (must be 0). */
  recordedThoughRefused: number;
  /**
   * Agent messages the session gave up on (its send timeout) that the server recorded
   * after all: `sendMessage` said false, the late answer confirmed them in the transcript.
   */
  lateConfirmed: number;
  /** Messages on the server nobody sent (must be 0). */
  unexpected: number;
  /** Held chats whose workspace transcript is not the server's, message for message (must be 0). */
  transcriptMismatches: number;
  /** Agent messages still "Sending…" after the settle (must be 0). */
  unsettled: number;
  /** Chats the server could not be asked about. */
  unreadable: number;
  /** Agent messages on their way when their page died, and how many the server has now. */
  carried: { messages: number; delivered: number };
  /** The first problems found, one line each. */
  problems: string[];
  /** Samples of what is no failure but worth a look (unanswered requests the server recorded). */
  observations: string[];
}

export interface HeldChats {
  agentId: string;
  chats: readonly Chat[];
}

/** Reads one chat from the server; `undefined` when it cannot. */
export async function readChat(baseUrl: string, chatId: string): Promise<ServerChat | undefined> {
  const answer = await request<ServerChat>(baseUrl, 'GET', `/api/chats/${encodeURIComponent(chatId)}`);
  return answer.kind === 'ok' ? answer.body : undefined;
}

/**
 * Checks every chat of the run on both sides: the server's transcript against what each
 * side sent, and each workspace's held chats against the server's transcript.
 */
export async function verify(baseUrl: string, ledger: Ledger, held: readonly HeldChats[]): Promise<Verification> {
  const result: Verification = {
    sides: {
      agentToServer: emptySide(),
      contactToServer: emptySide(),
      contactToAgent: emptySide(),
      workspaceAgent: emptySide(),
      workspaceContact: emptySide(),
    },
    chatsChecked: 0,
    chatsHeld: 0,
    waitingUnassigned: 0,
    refusedAgentMessages: 0,
    refusalReasons: {},
    unacknowledgedRecorded: 0,
    recordedThoughRefused: 0,
    lateConfirmed: 0,
    unexpected: 0,
    transcriptMismatches: 0,
    unsettled: 0,
    unreadable: 0,
    carried: { messages: 0, delivered: 0 },
    problems: [],
    observations: [],
  };
  const problem = (line: string) => {
    if (result.problems.length < 20) result.problems.push(line);
  };

  const workspaceChat = new Map<string, { agentId: string; chat: Chat }>();
  for (const { agentId, chats } of held) for (const chat of chats) workspaceChat.set(chat.id, { agentId, chat });
  const { expected: agentSent, refused, reasons } = agentExpectations(ledger, held);
  const contactSent = groupBy(ledger.contactMessages, (record) => record.chatId);
  result.refusedAgentMessages = refused.size;
  result.refusalReasons = reasons;
  const chatIds = [...new Set([...agentSent.keys(), ...contactSent.keys(), ...workspaceChat.keys()])];

  const servers = await inBatches(chatIds, 16, (chatId) => readChat(baseUrl, chatId));
  chatIds.forEach((chatId, index) => {
    const server = servers[index];
    const agentTexts = (agentSent.get(chatId) ?? []).map((record) => record.text);
    const contactTexts = (contactSent.get(chatId) ?? []).map((record) => record.text);
    if (!server) {
      result.unreadable += 1;
      problem(`${chatId}: the server could not be read`);
      return;
    }
    result.chatsChecked += 1;
    const fromAgent = server.messages.filter((message) => message.from === 'agent').map((message) => message.text);
    const fromContact = server.messages.filter((message) => message.from === 'contact').map((message) => message.text);
    count(result.sides.agentToServer, tally(agentTexts, fromAgent), `${chatId} agent → server`, problem);
    count(result.sides.contactToServer, tally(contactTexts, fromContact), `${chatId} contact → server`, problem);

    const recordedAgent = new Set(fromAgent);
    for (const record of agentSent.get(chatId) ?? []) {
      const reason = ledger.failureReasons.get(record.text);
      if (reason && TIMED_OUT.test(reason) && recordedAgent.has(record.text)) {
        result.lateConfirmed += 1;
        problem(`${chatId}: "${record.text}" (sent ${clock(record.sentAt)}) failed with "${reason}" at ${clock(record.settledAt)}, yet the server recorded it`);
      }
      if (!record.orphaned) continue;
      result.carried.messages += 1;
      if (recordedAgent.has(record.text)) result.carried.delivered += 1;
    }
    const expectedAgent = new Set(agentTexts);
    for (const text of fromAgent) {
      if (expectedAgent.has(text)) continue;
      if (refused.has(text)) {
        result.recordedThoughRefused += 1;
        problem(`${chatId}: "${text}" was refused (${ledger.failureReasons.get(text) ?? '?'}) but the server recorded it`);
      } else {
        result.unexpected += 1;
        problem(`${chatId}: the server has an agent message nobody sent: "${text}"`);
      }
    }
    const expectedContact = new Set(contactTexts);
    for (const text of fromContact) {
      if (expectedContact.has(text)) continue;
      const unanswered = ledger.unacknowledged.get(text);
      if (unanswered !== undefined) {
        result.unacknowledgedRecorded += 1;
        if (result.observations.length < 5) result.observations.push(`${chatId}: "${text}" went unanswered (${unanswered}) but the server recorded it`);
      } else {
        result.unexpected += 1;
        problem(`${chatId}: the server has a contact message nobody sent: "${text}"`);
      }
    }

    // Contact → the agent's session: every acknowledged message of a chat an agent took.
    const holder = server.state === 'queued' || server.state === 'offered' ? undefined : server.agentId;
    if (holder === undefined) result.waitingUnassigned += contactTexts.length;
    else {
      const seen = emptySide();
      seen.sent = contactTexts.length;
      for (const text of contactTexts) {
        if (ledger.sawContactMessage(holder, text)) seen.delivered += 1;
        else seen.lost += 1;
      }
      count(result.sides.contactToAgent, seen, `${chatId} contact → ${holder}'s session`, problem);
    }

    const inWorkspace = workspaceChat.get(chatId);
    if (!inWorkspace) return;
    result.chatsHeld += 1;
    if (inWorkspace.agentId !== server.agentId || (server.state !== 'active' && server.state !== 'ended')) {
      result.transcriptMismatches += 1;
      problem(`${chatId}: held by ${inWorkspace.agentId}'s workspace, but ${server.state} for ${server.agentId ?? 'nobody'} on the server`);
    }
    const shown = inWorkspace.chat.messages;
    result.unsettled += shown.filter((message) => message.delivery === 'sending').length;
    const confirmed = shown.filter((message) => message.delivery === undefined);
    count(
      result.sides.workspaceAgent,
      tally(agentTexts, confirmed.filter((message) => message.from === 'agent').map((message) => message.text)),
      `${chatId} in ${inWorkspace.agentId}'s workspace, agent side`,
      problem,
    );
    count(
      result.sides.workspaceContact,
      tally(contactTexts, confirmed.filter((message) => message.from === 'contact').map((message) => message.text)),
      `${chatId} in ${inWorkspace.agentId}'s workspace, contact side`,
      problem,
    );
    const shownIds = confirmed.map((message) => message.id).join(' ');
    const serverIds = server.messages.map((message) => message.id).join(' ');
    if (shownIds !== serverIds) {
      result.transcriptMismatches += 1;
      problem(`${chatId}: the workspace shows [${shownIds}], the server has [${serverIds}]`);
    }
  });
  return result;
}

const clock = (at: number | undefined) => (at === undefined ? '?' : new Date(at).toISOString().slice(11, 23));

function count(total: SideFigures, part: SideFigures, where: string, problem: (line: string) => void): void {
  addSides(total, part);
  if (part.lost || part.duplicated || part.outOfOrder) {
    problem(`${where}: ${part.lost} lost, ${part.duplicated} duplicated, ${part.outOfOrder} out of order (of ${part.sent})`);
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}
