/**
 * The entry of the standalone file, `dist/standalone.min.js`, for pages without a bundler:
 * what every page needs, with Lit, RxJS and the rest inside, and `<chat-workspace>`
 * registered. The rest comes in chunks beside it, which the workspace loads when first
 * needed: the chat's parts once the agent is Available or has chats, the dialogs, the
 * after-contact form, quick replies, assist, advanced chat (rrweb with it), the French
 * catalogue. The simulator is an entry of its own (src/standalone-simulator.ts).
 */
import { AgentStateControl } from './elements/agent-state-control/agent-state-control.js';
import { ChatWorkspace } from './elements/chat-workspace/chat-workspace.js';
import { loadOnDemand, type OnDemandTag } from './elements/chat-workspace/on-demand.js';
import type { SuggestedReplies } from './elements/suggested-replies/suggested-replies.js';

export * from './exports/core.js';
export type { OnDemandTag } from './elements/chat-workspace/on-demand.js';

/** The elements this file registers at once; the others (`OnDemandTag`) come with `loadElement()`. */
const elements = {
  'chat-workspace': ChatWorkspace,
  'agent-state-control': AgentStateControl,
};
// The guard lets a second copy of the library on the page load without throwing.
for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

/**
 * Registers one of the elements this file loads on demand and resolves with its class:
 * `<chat-workspace>` loads them itself when it needs them, and a page that shows one on
 * its own (`<transfer-dialog>`, say) calls this first.
 */
export async function loadElement(tag: OnDemandTag): Promise<CustomElementConstructor> {
  await loadOnDemand(tag);
  return customElements.get(tag) as CustomElementConstructor;
}

/** The `SuggestedReplies` assist app, for a page to register under a tag of its choice. */
export async function loadSuggestedReplies(): Promise<typeof SuggestedReplies> {
  return (await import('./elements/suggested-replies/suggested-replies.js')).SuggestedReplies;
}
