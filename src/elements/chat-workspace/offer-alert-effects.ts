/**
 * The offer chime and desktop notifications, one chunk the workspace loads only when
 * `offer-sound` or `offer-notifications` is on (offer-alerts-controller.ts).
 */
export { playOfferChime, showOfferNotification } from '../../internal/offer-alerts.js';
export { offerChimeRepeats } from '../../internal/offer-chime-repeat.js';
