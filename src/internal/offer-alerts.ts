/**
 * Optional attention-getters for a new offer, for agents who work in another window, loaded
 * only when the workspace has `offer-sound` or `offer-notifications` (offer-alert-effects.ts).
 * Both fail silently: a browser may refuse audio before a user gesture, or notifications.
 */

let audio: AudioContext | undefined;

/** A short, soft two-note chime made with Web Audio: no sound file to host. */
export function playOfferChime(): void {
  try {
    audio ??= new AudioContext();
    // Made before the agent's first click, the context waits suspended; once the page has
    // had a gesture, resuming lets this and later chimes play.
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    const start = audio.currentTime;
    [660, 880].forEach((frequency, index) => {
      const context = audio as AudioContext;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      const at = start + index * 0.18;
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.12, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.32);
    });
  } catch {
    // No audio here; the visual prompt and the live region still announce the offer.
  }
}

/**
 * Shows a desktop notification when the agent allowed them. A click brings the window
 * forward, closes the notification and calls `onClick`. Returns the notification, so it
 * can be closed once it is out of date.
 */
export function showOfferNotification(title: string, body: string, tag: string, onClick?: () => void): Notification | undefined {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return undefined;
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      notification.close();
      onClick?.();
    };
    return notification;
  } catch {
    // Some platforms only allow notifications from a service worker.
    return undefined;
  }
}
