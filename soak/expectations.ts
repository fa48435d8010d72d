import type { Chat } from '../src/session/state.js';
import type { AgentMessageRecord, Ledger } from './ledger.js';

/**
 * The only refusal a soak agent can meet honestly: the contact left while its reply was on
 * the way. Anything else that fails a message (the session's send timeout, a connection
 * closed for good, "not in your workspace") is the transport not delivering: the message
 * stays expected, and counts as lost unless the server has it.
 */
const LEGITIMATE_REFUSAL = /chat has ended/;

/** The session's send timeout, in its own words: the message may still be on its way. */
export const TIMED_OUT = /in time/;

export interface AgentExpectations {
  /** Per chat, in the order sent: the agent messages the server must have, once each. */
  expected: Map<string, AgentMessageRecord[]>;
  /** Messages the platform refused for a good reason: the server must not have them. */
  refused: Set<string>;
  /** How often each reason failed a message, refused or not. */
  reasons: Record<string, number>;
}

/**
 * Sorts every agent message into expected or refused. A message counts as failed when its
 * `sendMessage` resolved false, when a workspace shows it failed at the end, or when its
 * chat was closed with it failed; the reason is the session's error for it.
 */
export function agentExpectations(ledger: Ledger, held: readonly { chats: readonly Chat[] }[]): AgentExpectations {
  const failed = new Set(ledger.refusedAgentTexts);
  for (const record of ledger.agentMessages) if (record.outcome === 'refused') failed.add(record.text);
  // Refused because the chat had ended: final, whatever page saw it and wherever the chat went since.
  for (const [text, reason] of ledger.failureReasons) if (LEGITIMATE_REFUSAL.test(reason)) failed.add(text);
  for (const { chats } of held) {
    for (const chat of chats) for (const message of chat.messages) if (message.delivery === 'failed') failed.add(message.text);
  }
  const refused = new Set<string>();
  const reasons: Record<string, number> = {};
  for (const text of failed) {
    const reason = ledger.failureReasons.get(text) ?? 'failed without a reason';
    reasons[reason] = (reasons[reason] ?? 0) + 1;
    if (LEGITIMATE_REFUSAL.test(reason)) refused.add(text);
  }
  const expected = new Map<string, AgentMessageRecord[]>();
  for (const record of ledger.agentMessages) {
    if (refused.has(record.text)) continue;
    const list = expected.get(record.chatId);
    if (list) list.push(record);
    else expected.set(record.chatId, [record]);
  }
  return { expected, refused, reasons };
}
