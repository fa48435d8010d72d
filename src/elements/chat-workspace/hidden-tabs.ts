import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';

/**
 * How many tabs of a scrolling tab list are entirely out of sight before and after what
 * shows: with twelve chats in a narrow strip, the agent sees that more exist, and how many.
 */
export function hiddenTabsOf(list: HTMLElement): { before: number; after: number } {
  const horizontal = list.getAttribute('aria-orientation') === 'horizontal';
  const start = horizontal ? list.scrollLeft : list.scrollTop;
  const end = start + (horizontal ? list.clientWidth : list.clientHeight);
  let before = 0;
  let after = 0;
  for (const tab of Array.from(list.children) as HTMLElement[]) {
    // The list is positioned: its children's offsets count from its own top left.
    const from = horizontal ? tab.offsetLeft : tab.offsetTop;
    const to = from + (horizontal ? tab.offsetWidth : tab.offsetHeight);
    if (to <= start + 1) before += 1;
    else if (from >= end - 1) after += 1;
  }
  return { before, after };
}

/** The count of tabs out of sight on one side, as a button that scrolls them in. */
export function renderHiddenTabs(count: number, side: 'before' | 'after', horizontal: boolean, scroll: (side: 'before' | 'after') => void) {
  if (count === 0) return nothing;
  const label = side === 'before' ? msg(str`${count} more chats before`) : msg(str`${count} more chats after`);
  const arrow = horizontal ? (side === 'before' ? '‹' : '›') : side === 'before' ? '▲' : '▼';
  return html`<button type="button" part="more-tabs" class="more-tabs ${side}" aria-label=${label} title=${label} @click=${() => scroll(side)}>
    ${side === 'before' ? html`<span aria-hidden="true">${arrow}</span> +${count}` : html`+${count} <span aria-hidden="true">${arrow}</span>`}
  </button>`;
}
