import type { Observable, Subscription } from 'rxjs';
import { StrictReplayStyles, withoutInlineStyles } from './strict-replay.js';

type Replayer = import('rrweb').Replayer;
type RecordedEvent = Parameters<Replayer['addEvent']>[0];

/**
 * The live replay of a contact's page in an element of ours: rrweb's replayer (loaded on
 * first use, so the main bundle does not carry it), fed by the session's recording, scaled
 * to the element's width, and safe under a host's strict Content-Security-Policy
 * (strict-replay.ts).
 */
export class CobrowseViewer {
  private replayer?: Replayer;
  private feed?: Subscription;
  private resizeObserver?: ResizeObserver;
  private readonly styles = new StrictReplayStyles();

  private constructor(private readonly root: HTMLElement) {}

  /**
   * Loads rrweb and starts replaying `events` into `root`; `title` names the replay frame.
   * Rejects when rrweb is not there (the standalone file).
   */
  static async open(root: HTMLElement, events: Observable<readonly unknown[]>, title: string): Promise<CobrowseViewer> {
    const rrweb = await import('rrweb');
    const viewer = new CobrowseViewer(root);
    viewer.start(rrweb, events, title);
    return viewer;
  }

  private start(rrweb: typeof import('rrweb'), events: Observable<readonly unknown[]>, title: string): void {
    // In the standalone file, rrweb is a stand-in that throws here (rollup.config.mjs).
    const replayer = new rrweb.Replayer([], {
      root: this.root,
      liveMode: true,
      mouseTail: false,
      triggerFocus: false,
      UNSAFE_replayCanvas: false,
      showWarning: false,
    });
    // rrweb adds its own rules in a <style> element, which a strict policy refuses: they
    // come in as a constructed stylesheet instead (StrictReplayStyles).
    (replayer as unknown as { insertStyleRules: () => void }).insertStyleRules = () => undefined;
    replayer.on('fullsnapshot-rebuilded', () => this.styles.attach(replayer.iframe.contentDocument));
    replayer.iframe.title = title;
    replayer.iframe.tabIndex = -1;
    replayer.startLive();
    this.replayer = replayer;
    this.feed = events.subscribe((batch) => {
      for (const event of batch) replayer.addEvent(withoutInlineStyles(event) as RecordedEvent);
      this.fit();
    });
    this.resizeObserver = new ResizeObserver(() => this.fit());
    this.resizeObserver.observe(this.root);
  }

  /** Scales the replayed page to the viewer's width. */
  private fit(): void {
    const replayer = this.replayer;
    if (!replayer) return;
    const width = replayer.iframe.offsetWidth || Number(replayer.iframe.width) || 0;
    if (width <= 0) return;
    const scale = Math.min(1, this.root.clientWidth / width);
    replayer.wrapper.style.transform = `scale(${scale})`;
  }

  close(): void {
    this.feed?.unsubscribe();
    this.feed = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.styles.detach();
    try {
      this.replayer?.destroy();
    } catch {
      // A replayer whose root already left the page has nothing to tear down.
    }
    this.replayer = undefined;
  }
}
