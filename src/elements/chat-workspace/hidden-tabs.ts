import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';

/** The count of tabs out of sight on one side, as a button that scrolls them in. */
export function renderHiddenTabs(count: number, side: 'before' | 'after', horizontal: boolean, scroll: (side: 'before' | 'after') => void) {
  if (count === 0) return nothing;
  const label = side === 'before' ? msg(str`${count} more chats before`) : msg(str`${count} more chats after`);
  const arrow = horizontal ? (side === 'before' ? '‹' : '›') : side === 'before' ? '▲' : '▼';
  return html`<button type="button" part="more-tabs" class="more-tabs ${side}" aria-label=${label} title=${label} @click=${() => scroll(side)}>
    ${side === 'before' ? html`<span aria-hidden="true">${arrow}</span> +${count}` : html`+${count} <span aria-hidden="true">${arrow}</span>`}
  </button>`;
}
