import type { OfferPrompt } from '../offer-prompt/offer-prompt.js';

/**
 * Brings an offer of the prompt into view and focuses its Accept button, showing the
 * offers behind "+N more" first when it is one of them. Resolves whether it could.
 */
export async function focusOfferAccept(prompt: OfferPrompt, chatId: string): Promise<boolean> {
  await prompt.updateComplete;
  const acceptOf = () => {
    const root = prompt.shadowRoot;
    const offer =
      root?.querySelector(`[part~="offer"][data-chat-id="${CSS.escape(chatId)}"]`) ??
      root?.getElementById(`offer-${chatId}`)?.closest('[part~="offer"]');
    return offer?.querySelector<HTMLElement>('[part~="accept"]');
  };
  let accept = acceptOf();
  const more = prompt.shadowRoot?.querySelector<HTMLElement>('[part~="more"]');
  if (!accept && more) {
    more.click();
    await prompt.updateComplete;
    accept = acceptOf();
  }
  accept?.scrollIntoView({ block: 'nearest' });
  accept?.focus();
  return accept !== undefined && accept !== null;
}
