import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeLoading, useLocale } from '../i18n/localization.js';

type Host = ReactiveControllerHost & HTMLElement;

const hosts = new Set<Host>();
let documentObserver: MutationObserver | undefined;

/** The `lang` in force for an element: its own, or its closest ancestor's across shadow roots. */
export function effectiveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? '';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return '';
}

function syncLocale(): void {
  // @lit/localize has one locale per page; the first connected workspace element decides.
  const [first] = hosts;
  if (!first) return;
  void useLocale(effectiveLang(first));
  // Each element re-renders once the catalogue is in; asking now makes that re-render its
  // pending update, so its `updateComplete` covers the switch (its update waits for it).
  if (localeLoading()) for (const host of hosts) host.requestUpdate();
}

/**
 * Makes the UI language follow the `lang` attribute of the element or its closest
 * ancestor (the document included), also when it changes after the first render.
 */
export class LangController implements ReactiveController {
  private readonly ownObserver = new MutationObserver(syncLocale);

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    // Attribute changes inside another shadow root escape the document observer.
    this.ownObserver.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    if (!documentObserver) {
      documentObserver = new MutationObserver(syncLocale);
      documentObserver.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['lang'],
        subtree: true,
      });
    }
    syncLocale();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    this.ownObserver.disconnect();
    if (hosts.size === 0) {
      documentObserver?.disconnect();
      documentObserver = undefined;
    }
  }
}
