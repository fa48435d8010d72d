import type { StartChatRequest as CoreStartChatRequest } from '../../platform/core.js';
import type { VisibleChat } from '../../platform/snapshots.js';
import type { ChatLifecycle, EngagementRecord } from '../../platform/store.js';

/** The life of a chat on the platform. */
export type SimulatedChatState = ChatLifecycle;

/** A chat as `center.chat(id)` reports it: a copy, safe to keep. */
export type SimulatedChat = VisibleChat;

/** A follow-up contact an agent scheduled, as `center.engagements()` reports it. */
export type SimulatedEngagement = EngagementRecord;

/** What a contact sends to open a chat. */
export type StartChatRequest = CoreStartChatRequest;
