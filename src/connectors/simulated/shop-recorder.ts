import { record } from 'rrweb';

/**
 * The recording side of the simulated contact's page. This module is loaded inside the
 * shop page's own frame (rrweb records the document of the realm it runs in), and hands
 * the frame's window a `start` function. Every input is masked here, on the contact's
 * side: what leaves the page carries asterisks, never the typed characters.
 */
export interface ShopRecorderApi {
  start(emit: (event: unknown) => void): () => void;
}

/** rrweb's `EventType.FullSnapshot`. */
const FULL_SNAPSHOT = 2;

/**
 * The shop page lives in an about:blank frame, which browsers build in quirks mode (its
 * styles do not depend on it). A replayer rebuilds a quirks-mode page with
 * `document.write`, a Trusted Types sink a strict host refuses; a snapshot that says
 * "standards mode", as a real page with a doctype does, is rebuilt with DOM calls alone.
 */
function asStandardsPage(event: unknown): unknown {
  const snapshot = event as { type?: number; data?: { node?: { compatMode?: string } } };
  if (snapshot.type === FULL_SNAPSHOT && snapshot.data?.node?.compatMode === 'BackCompat') {
    snapshot.data.node.compatMode = 'CSS1Compat';
  }
  return event;
}

const api: ShopRecorderApi = {
  start(emit) {
    const stop = record({
      emit: (event) => emit(asStandardsPage(event)),
      maskAllInputs: true,
      // Card numbers and passwords are masked whatever the options say.
      maskInputOptions: { password: true, text: true, tel: true, email: true, number: true, textarea: true, select: true },
      maskTextSelector: '[data-private]',
      // A full snapshot every few seconds: a viewer that joins late (a reload) has a whole page soon.
      checkoutEveryNms: 5000,
      recordCanvas: false,
      collectFonts: false,
      inlineImages: false,
    });
    return () => stop?.();
  },
};

const frame = window as unknown as { shopRecorder?: ShopRecorderApi };
frame.shopRecorder = api;
window.dispatchEvent(new Event('shop-recorder-ready'));
