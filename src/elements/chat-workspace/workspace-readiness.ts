import type { ReactiveControllerHost } from 'lit';
import { CHAT_PARTS, type OnDemandElements, type OnDemandPart } from './on-demand.js';
import type { WorkspaceView } from './workspace-view.js';

interface ReadyHost extends ReactiveControllerHost {
  readonly isUpdatePending: boolean;
}

/**
 * The workspace's `updateComplete`: complete means what the update asked for is shown, the
 * elements and parts it loads on demand are in and rendered, a dialog it opens is open, the
 * locale's catalogue is in. `litComplete` is Lit's own promise (the update under way alone).
 */
export function completeAfterLoads(host: ReadyHost, onDemand: OnDemandElements, litComplete: () => Promise<boolean>): Promise<boolean> {
  // Nothing loading and no update asked for (the usual case): Lit's own promise, no later.
  if (onDemand.idle && !host.isUpdatePending) return litComplete();
  return afterPendingWork(host, onDemand, litComplete);
}

async function afterPendingWork(host: ReadyHost, onDemand: OnDemandElements, litComplete: () => Promise<boolean>): Promise<boolean> {
  let complete = await litComplete();
  // A load that ended, or a locale switch that began meanwhile, asked for one more update.
  while ((await onDemand.settled()) || host.isUpdatePending) complete = await litComplete();
  return complete;
}

/** The workspace's own parts loaded on demand (code and styles, not elements). */
export interface WorkspaceParts {
  errors: OnDemandPart<unknown>;
  assist: OnDemandPart<unknown>;
}

/** Loads what the session's configuration and chats will soon need, before it shows. */
export function prefetchFor(view: WorkspaceView, onDemand: OnDemandElements, parts: WorkspaceParts): void {
  // Offers come only while Available; a reloaded page may have chats at once.
  if (view.available || view.activeChatId) for (const tag of CHAT_PARTS) onDemand.prefetch(tag);
  onDemand.prefetch('quick-reply-panel');
  if (view.activeChatId) onDemand.prefetch('disposition-form');
  if (view.assistApps > 0) {
    onDemand.prefetch('assist-panel');
    parts.assist.prefetch();
  }
  if (view.advancedChat) onDemand.prefetch('advanced-chat');
  // Most sessions have no problem to show: the summary loads with the first.
  if (view.errors.length > 0) parts.errors.prefetch();
}
