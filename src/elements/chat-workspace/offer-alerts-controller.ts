import { msg, str } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { EMPTY, from, switchMap } from 'rxjs';
import { HiddenPageTitleController } from '../../controllers/hidden-page-title-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import { contactName, excerpt } from '../../internal/contact-text.js';
import { requestNotificationPermission } from '../../internal/notification-permission.js';
import type { AgentState } from '../../protocol/types.js';
import type { ChatSession } from '../../session/chat-session.js';
import { firstContactMessage } from '../../session/selectors.js';
import type { Offer } from '../../session/state.js';
import type { OnDemandElements } from './on-demand.js';

/** The chime and the notifications: loaded with `offer-sound` or `offer-notifications` only. */
type OfferAlertEffects = typeof import('./offer-alert-effects.js');

/** The workspace as its offer alerts see it. */
export interface OfferAlertsHost extends ReactiveControllerHost, EventTarget {
  session?: ChatSession;
  offerSound: boolean;
  offerSoundRepeat: number;
  offerNotifications: boolean;
  /** Brings an offer into view and focuses its Accept button. */
  focusOffer(chatId: string): Promise<boolean>;
}

/** The document title while the page is hidden and offers wait. */
export function offerTitle(count: number, pageTitle: string): string {
  if (!pageTitle) return count === 1 ? msg('(1) New chat') : msg(str`(${count}) New chats`);
  return count === 1 ? msg(str`(1) New chat — ${pageTitle}`) : msg(str`(${count}) New chats — ${pageTitle}`);
}

const waitingOffers = (offers: readonly Offer[]) => offers.filter((offer) => offer.status === 'pending');

/**
 * Makes sure an agent working in another window or tab notices a chat offer: the chime
 * (again every `offerSoundRepeat` ms until the offers are answered, when set), a desktop
 * notification whose click focuses the offer's Accept, and the count in the document
 * title while the page is hidden. Permission to notify is asked when the agent chooses
 * Available: their own gesture, and the moment offers start to come.
 */
export class OfferAlertsController implements ReactiveController {
  private permissionAsked = false;
  private readonly notifications = new Map<string, Notification>();
  private effects?: OfferAlertEffects;
  private loading?: Promise<OfferAlertEffects>;

  /** `onDemand`: the host's `updateComplete` waits for the chime and notifications to load. */
  constructor(
    private readonly host: OfferAlertsHost,
    private readonly onDemand: OnDemandElements,
  ) {
    host.addController(this);
    new SessionController(host, (session) => session.events$, {
      onValue: (event) => {
        if (event.type === 'chat-offered') this.offered(event.offer);
      },
    });
    new SessionController(
      host,
      (session) =>
        host.offerSound && host.offerSoundRepeat > 0
          ? from(this.load()).pipe(switchMap((effects) => effects.offerChimeRepeats(session.offers$, session.clock$, host.offerSoundRepeat)))
          : EMPTY,
      { onValue: () => this.effects?.playOfferChime(), dependsOn: () => [host.offerSound, host.offerSoundRepeat] },
    );
    new SessionController(host, (session) => session.offers$, { onValue: (offers) => this.closeAnswered(offers) });
    new HiddenPageTitleController(host, {
      count: (session) => session.select((state) => waitingOffers(state.offers).length),
      title: offerTitle,
    });
  }

  /** Turned on: the chime or notifications load now, before an offer needs them. */
  hostUpdate(): void {
    if (this.host.offerSound || this.host.offerNotifications) this.load().catch(() => undefined);
  }

  /** The agent chose a state in the state control: Available is when to ask permission to notify, once. */
  stateChosen(state: AgentState | undefined): void {
    if (state !== 'Available' || !this.host.offerNotifications || this.permissionAsked) return;
    this.permissionAsked = requestNotificationPermission();
  }

  private offered(offer: Offer): void {
    if (!this.host.offerSound && !this.host.offerNotifications) return;
    if (this.effects) this.alert(this.effects, offer);
    // Not loaded yet (an offer right after the attribute was set): it alerts once loaded.
    else this.load().then((effects) => this.alert(effects, offer), () => undefined);
  }

  private alert(effects: OfferAlertEffects, offer: Offer): void {
    if (this.host.offerSound) effects.playOfferChime();
    if (!this.host.offerNotifications) return;
    // A notification shows a line or two: the name and an excerpt, never the whole message.
    const notification = effects.showOfferNotification(
      msg(str`New chat from ${contactName(offer.contact.name)}`),
      `${excerpt(offer.skill, 40)}: ${excerpt(firstContactMessage(offer))}`,
      offer.chatId,
      () => {
        this.notifications.delete(offer.chatId);
        void this.host.focusOffer(offer.chatId);
      },
    );
    if (notification) this.notifications.set(offer.chatId, notification);
  }

  /** Loads the chime and notifications once; a failed load (the network) is tried again next time. */
  private load(): Promise<OfferAlertEffects> {
    if (this.loading) return this.loading;
    const loading = import('./offer-alert-effects.js').then(
      (effects) => (this.effects = effects),
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    this.loading = loading;
    this.onDemand.track(loading);
    return loading;
  }

  /** An answered, withdrawn or expired offer's notification would lead nowhere: it goes. */
  private closeAnswered(offers: readonly Offer[]): void {
    const waiting = new Set(waitingOffers(offers).map((offer) => offer.chatId));
    for (const [chatId, notification] of this.notifications) {
      if (waiting.has(chatId)) continue;
      notification.close();
      this.notifications.delete(chatId);
    }
  }
}
