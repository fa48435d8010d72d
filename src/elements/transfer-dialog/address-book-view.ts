import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Presence } from '../../protocol/types.js';
import { initialOf } from '../../internal/format.js';
import { agentStateLabel } from '../agent-state-control/agent-state-control.js';
import { ADDRESS_BOOK_KINDS, type AddressBookEntry, type AddressBookKind } from './address-book.js';

/** What the group tabs show: everything, or one group. */
export type GroupFilter = 'all' | AddressBookKind;

export const GROUP_FILTERS: readonly GroupFilter[] = ['all', ...ADDRESS_BOOK_KINDS];

/** The name of a group, for its tab and its heading. */
export function groupLabel(group: GroupFilter): string {
  switch (group) {
    case 'all':
      return msg('All');
    case 'agent':
      return msg('Agents');
    case 'team':
      return msg('Teams');
    case 'skill':
      return msg('Skills');
  }
}

/** An agent's availability, with the reason they gave with Unavailable ("Unavailable — Lunch"). */
export function presenceLabel(presence: Presence, reasonLabel?: string): string {
  if (presence === 'Unavailable' && reasonLabel !== undefined) return msg(str`Unavailable — ${reasonLabel}`);
  return presence === 'Offline' ? msg('Offline') : agentStateLabel(presence);
}

export interface ResultsOptions {
  group: GroupFilter;
  query: string;
  /** The entry whose transfer is on its way. */
  pendingKey?: string;
  /** No transfer can start: one is on its way, or the chat is no longer in progress. */
  blocked: boolean;
  onTransfer: (entry: AddressBookEntry) => void;
}

/** The visible entries under one heading per group, or why there are none. */
export function renderResults(entries: readonly AddressBookEntry[], options: ResultsOptions) {
  if (entries.length === 0) {
    const query = options.query.trim();
    return html`<p part="empty" class="empty">
      ${query ? msg(str`No agent, team or skill matches “${query}”.`) : msg('This part of the address book is empty.')}
    </p>`;
  }
  const kinds = options.group === 'all' ? ADDRESS_BOOK_KINDS : [options.group];
  return kinds.map((kind) => {
    const members = entries.filter((entry) => entry.target.kind === kind);
    if (members.length === 0) return nothing;
    return html`
      <section class="group">
        <h3 class="group-heading" id="heading-${kind}">${groupLabel(kind)}</h3>
        <ul class="entries" aria-labelledby="heading-${kind}">
          ${repeat(members, (entry) => entry.key, (entry) => renderEntry(entry, options))}
        </ul>
      </section>
    `;
  });
}

function renderEntry(entry: AddressBookEntry, options: ResultsOptions) {
  const pending = entry.key === options.pendingKey;
  const waiting = options.blocked || options.pendingKey !== undefined;
  return html`
    <li part="entry" class="entry ${pending ? 'pending' : ''}" data-kind=${entry.target.kind}>
      <span class="avatar" aria-hidden="true">${initialOf(entry.name)}</span>
      <span class="entry-text">
        <span class="name">${entry.name}</span>
        ${entry.target.kind === 'agent' ? renderAgentDetails(entry) : nothing}
      </span>
      <button
        part="transfer-button"
        class="transfer primary"
        type="button"
        aria-label=${msg(str`Transfer to ${entry.name}`)}
        aria-disabled=${waiting ? 'true' : 'false'}
        aria-busy=${pending ? 'true' : nothing}
        @click=${() => options.onTransfer(entry)}
      >
        ${msg('Transfer')}
      </button>
    </li>
  `;
}

function renderAgentDetails(entry: AddressBookEntry) {
  if (entry.presence === undefined && entry.teamName === undefined) return nothing;
  return html`<span class="details">
    ${entry.presence !== undefined
      ? html`<span part="presence" class="presence" data-presence=${entry.presence}>
          <span class="dot" aria-hidden="true"></span>${presenceLabel(entry.presence, entry.presenceReason)}
        </span>`
      : nothing}
    ${entry.teamName !== undefined ? html`<span class="team">${entry.teamName}</span>` : nothing}
  </span>`;
}
