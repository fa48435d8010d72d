import type { ReactiveController } from 'lit';
import type { Observable } from 'rxjs';
import type { ChatSession } from '../session/chat-session.js';
import { SessionController, type SessionHost } from './session-controller.js';

export interface HiddenPageTitleOptions {
  /** How many things wait for the user, from the host's session. */
  count: (session: ChatSession) => Observable<number>;
  /** The title to show while the page is hidden and `count` (the total of every such controller) is above zero. */
  title: (count: number, pageTitle: string) => string;
}

/** Every connected controller and what it counts: several workspaces on a page add up. */
const counts = new Map<HiddenPageTitleController, number>();
let format: HiddenPageTitleOptions['title'] | undefined;
/** The page's own title, kept while ours shows. */
let pageTitle: string | undefined;
/** The title last written here, to notice the page changing its own meanwhile. */
let written: string | undefined;

function setTitleFormat(title: HiddenPageTitleOptions['title']): void {
  format = title;
}

function refresh(): void {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  // The page set a title of its own while ours showed: that one comes back later.
  if (written !== undefined && document.title !== written) {
    pageTitle = document.title;
    written = undefined;
  }
  if (document.visibilityState === 'hidden' && total > 0 && format) {
    pageTitle ??= document.title;
    written = format(total, pageTitle);
    document.title = written;
    return;
  }
  if (written !== undefined && pageTitle !== undefined) document.title = pageTitle;
  written = undefined;
  pageTitle = undefined;
}

/**
 * While the page is hidden (another tab or window in front), puts what waits for the
 * user in the document's title, such as "(2) New chats — CRM", so it shows in the tab
 * strip and the taskbar; the page's title comes back as soon as the page is shown again
 * or nothing waits. A title the page sets meanwhile is respected: it is the one restored.
 */
export class HiddenPageTitleController implements ReactiveController {
  private readonly host: SessionHost;

  constructor(host: SessionHost, options: HiddenPageTitleOptions) {
    this.host = host;
    host.addController(this);
    setTitleFormat(options.title);
    new SessionController(host, options.count, { onValue: (count) => this.counted(count) });
  }

  private counted(count: number): void {
    counts.set(this, count);
    refresh();
  }

  hostConnected(): void {
    if (counts.size === 0) document.addEventListener('visibilitychange', refresh);
    if (!counts.has(this)) counts.set(this, 0);
  }

  hostUpdate(): void {
    // Without a session nothing waits: the old session's count must not linger in the title.
    if (!this.host.session && counts.get(this)) {
      counts.set(this, 0);
      refresh();
    }
  }

  hostDisconnected(): void {
    counts.delete(this);
    refresh();
    if (counts.size === 0) document.removeEventListener('visibilitychange', refresh);
  }
}
