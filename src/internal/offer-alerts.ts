/**
 * Optional attention-getters for a new offer, for agents who work in another window.
 * Both fail silently: a browser may refuse audio before a user gesture, or notifications.
 */

let audio: AudioContext | undefined;

/** A short, soft two-note chime made with Web Audio: no sound file to host. */
export function playOfferChime(): void {
  try {
    audio ??= new AudioContext();
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

/** Asks once for permission; browsers only grant it from a user gesture. */
export function requestNotificationPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
    void Notification.requestPermission().catch(() => undefined);
  }
}

/** Shows a desktop notification when the agent allowed them. */
export function showOfferNotification(title: string, body: string, tag: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag });
  } catch {
    // Some platforms only allow notifications from a service worker.
  }
}
