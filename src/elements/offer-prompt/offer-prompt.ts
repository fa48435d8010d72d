import { contactName, excerpt } from '../../internal/contact-text.js';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { state } from 'lit/decorators.js';
import { clockText } from '../../controllers/clock-text.js';
import { SessionController } from '../../controllers/session-controller.js';
import { formatDuration, initialOf } from '../../internal/format.js';
import { SameTaskBatch } from '../../internal/same-task-batch.js';
import { SessionElement } from '../../internal/session-element.js';
import { firstContactMessage, secondsLeft, selectOffers, selectOnline } from '../../session/selectors.js';
import type { Offer } from '../../session/state.js';
import { styles } from './offer-prompt.styles.js';

/** Offers shown at once; the others wait behind "+N more". */
export const SHOWN_OFFERS = 3;

/** The last seconds of an offer, when its countdown changes colour and shape. */
export const URGENT_SECONDS = 10;

/** `urgent` for an offer's last seconds: the countdown looks different, not only in colour. */
function urgencyOf(offer: Offer, now: number): 'calm' | 'urgent' {
  return secondsLeft(offer, now) <= URGENT_SECONDS ? 'urgent' : 'calm';
}

const hourglass = html`<svg class="hourglass" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
  <path d="M4 2h8M4 14h8M5 2c0 3 6 4 6 6s-6 3-6 6M11 2c0 3-6 4-6 6s6 3 6 6" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
</svg>`;

/**
 * @tagname offer-prompt
 * @summary The chat offers waiting for this agent: contact, skill, first message, a
 * live countdown, Accept and Reject (R2). Offers that arrive together stack, each
 * with its own Accept (R3). A new offer is announced to screen readers.
 *
 * @csspart offer - One offer card.
 * @csspart countdown - The time left to answer an offer; `data-urgency="urgent"` in its last ten seconds.
 * @csspart stack - The offers, as one card or, when several wait, compact rows.
 * @csspart more - The "+N more" button when more offers wait than are shown.
 * @csspart accept - The Accept button.
 * @csspart reject - The Reject button.
 * @csspart transfer - Who transferred the chat, and their note, on a transferred offer.
 * @csspart waiting - Why Accept and Reject wait, while the connection is being restored.
 */
export class OfferPrompt extends SessionElement {
  static override styles = styles;

  private readonly offers = new SessionController(this, (session) => session.select(selectOffers));
  private readonly online = new SessionController(this, (session) => session.select(selectOnline));

  /** Whether every offer shows, past the first `SHOWN_OFFERS`. */
  @state() private showAll = false;

  /** The offers the live region says, the latest to arrive together; worded at render, once the locale's catalogue is in. */
  @state() private announced: readonly Offer[] = [];
  /** New offers, from the session: said in the live region (several at once, together). */
  private readonly arriving = new SameTaskBatch<Offer>((offers) => {
    this.announced = offers;
  });

  constructor() {
    super();
    new SessionController(this, (session) => session.events$, {
      onValue: (event) => {
        if (event.type === 'chat-offered') this.arriving.add(event.offer);
      },
    });
  }

  override render() {
    const offers = this.offers.value ?? [];
    return html`
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement()}</div>
      ${offers.length > 0 ? this.renderStack(offers) : nothing}
    `;
  }

  /** What the live region says of the offers that arrived last. */
  private announcement(): string {
    return this.announced
      .map((offer) => msg(str`New chat from ${contactName(offer.contact.name)}, ${excerpt(offer.skill, 40)}.`))
      .join(' ');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const offers = this.offers.value ?? [];
    if (offers.length <= SHOWN_OFFERS) this.showAll = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Set from script: a strict CSP (style-src without 'unsafe-inline') blocks style attributes.
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('.progress span[data-duration-ms]')) {
      bar.style.setProperty('animation-duration', `${bar.dataset.durationMs}ms`);
    }
  }

  /**
   * One offer is a full card. Several are compact rows, oldest first, at most
   * `SHOWN_OFFERS` until the agent asks for the rest: the stack stays small however many come.
   */
  private renderStack(offers: readonly Offer[]) {
    const compact = offers.length > 1;
    const hidden = this.showAll ? 0 : Math.max(0, offers.length - SHOWN_OFFERS);
    const shown = hidden > 0 ? offers.slice(0, SHOWN_OFFERS) : offers;
    return html`<div class="stack ${compact ? 'compact' : ''}" part="stack">
      ${repeat(shown, (offer) => offer.chatId, (offer) => this.renderOffer(offer, compact))}
      ${hidden > 0
        ? html`<button type="button" part="more" class="more" aria-expanded="false" @click=${() => (this.showAll = true)}>
            ${msg(str`+${hidden} more`)}
          </button>`
        : nothing}
    </div>`;
  }

  private renderOffer(offer: Offer, compact = false) {
    const session = this.session;
    const titleId = `offer-${offer.chatId}`;
    const busy = offer.status !== 'pending';
    // Kept focusable while the connection is away, so focus never drops to the page.
    const waiting = this.online.value === false;
    const duration = offer.expiresAt - offer.receivedAt;
    const transfer = offer.transfers.at(-1);
    const answer = (command: 'acceptOffer' | 'rejectOffer') => {
      if (!waiting) void session?.[command](offer.chatId);
    };
    return html`
      <section part="offer" class="offer ${compact ? 'compact' : ''}" aria-labelledby=${titleId} data-chat-id=${offer.chatId}>
        <header>
          <span class="avatar" aria-hidden="true">${initialOf(contactName(offer.contact.name))}</span>
          <div class="who">
            <p class="eyebrow">${msg('Incoming chat')}</p>
            <h3 id=${titleId} title=${contactName(offer.contact.name)}><bdi>${contactName(offer.contact.name)}</bdi></h3>
            <p class="skill">${offer.skill}</p>
          </div>
          <span
            part="countdown"
            class="countdown"
            role="timer"
            aria-label=${msg('Time left to answer')}
            data-urgency=${session ? clockText(session.clock$, (now) => urgencyOf(offer, now)) : 'calm'}
          >
            ${hourglass}${session ? clockText(session.clock$, (now) => formatDuration(secondsLeft(offer, now) * 1000)) : nothing}
          </span>
        </header>
        ${transfer
          ? html`<p part="transfer" class="transfer">
              ${msg(str`Transferred by ${contactName(transfer.fromAgentName)}`)}${transfer.note
                ? html`: <q class="note" dir="auto">${excerpt(transfer.note, 280)}</q>`
                : nothing}
            </p>`
          : nothing}
        <p class="first-message" dir="auto">${excerpt(firstContactMessage(offer), 280)}</p>
        <div class="progress" aria-hidden="true">
          <span data-duration-ms=${Math.max(0, duration)}></span>
        </div>
        ${waiting ? html`<p part="waiting" class="waiting" id="waiting-${offer.chatId}">${msg('Waiting for the connection to answer.')}</p>` : nothing}
        <div class="actions">
          <button
            part="reject"
            ?disabled=${busy}
            aria-disabled=${waiting ? 'true' : nothing}
            aria-describedby=${waiting ? `waiting-${offer.chatId}` : nothing}
            @click=${() => answer('rejectOffer')}
          >
            ${msg('Reject')}
          </button>
          <button
            part="accept"
            class="primary"
            ?disabled=${busy}
            aria-disabled=${waiting ? 'true' : nothing}
            aria-describedby=${waiting ? `waiting-${offer.chatId}` : nothing}
            @click=${() => answer('acceptOffer')}
          >
            ${msg('Accept')}
          </button>
        </div>
      </section>
    `;
  }
}
