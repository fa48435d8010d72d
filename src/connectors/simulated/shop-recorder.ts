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

const api: ShopRecorderApi = {
  start(emit) {
    const stop = record({
      emit,
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
