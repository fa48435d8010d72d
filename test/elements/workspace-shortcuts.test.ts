import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ChatWorkspace } from '../../src/index.js';
import { localeSettled } from '../../src/index.js';
import { altShift, button, connectAgent, deepQuery, deepQueryAll, deepText, focused, press, settle } from '../helpers.js';


function composer(element: ChatWorkspace): HTMLTextAreaElement {
  const box = deepQuery<HTMLTextAreaElement>(element, 'textarea[aria-label="Message"]');
  if (!box) throw new Error('no composer');
  return box;
}

/** The help's own Close: other dialogs of the workspace have one too. */
function closeHelp(element: ChatWorkspace): void {
  helpDialog(element).querySelector<HTMLButtonElement>('button.close')?.click();
}

function helpDialog(element: ChatWorkspace): HTMLDialogElement {
  const dialog = element.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part="shortcut-help"]');
  if (!dialog) throw new Error('no help dialog');
  return dialog;
}

async function workspace(options: { chats?: string[]; offers?: string[] } = {}) {
  const { center, session } = connectAgent({
    maxConcurrentChats: 6,
    quickReplies: [{ id: 'greeting', title: 'Greeting', text: 'Hello {{contact.name}}' }],
    directory: { agents: [{ id: 'agent-2', name: 'Sam Rivera', skills: [] }], teams: [], skills: [] },
  });
  const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 700px" .session=${session}></chat-workspace>`);
  await session.setAgentState('Available');
  const chats: string[] = [];
  for (const name of options.chats ?? []) {
    const chatId = center.startChat({ contact: { name }, skill: 'Billing', text: `Bonjour, ici ${name}` });
    await session.acceptOffer(chatId);
    chats.push(chatId);
  }
  const offers: string[] = [];
  for (const name of options.offers ?? []) {
    offers.push(center.startChat({ contact: { name }, skill: 'Billing', text: `Bonjour, ici ${name}` }));
  }
  await settle(element);
  return { center, session, element, chats, offers };
}

describe('<chat-workspace> keyboard shortcuts', () => {
  it('Alt+Shift+O accepts the oldest offer and puts the cursor in its message box; Alt+Shift+R rejects the next', async () => {
    const { center, session, element, chats, offers } = await workspace({ chats: ['Marie Tremblay'], offers: ['Jean Roy', 'Priya Natarajan'] });
    composer(element).focus();
    const accepted = oneEvent(element, 'chat-accepted');
    await altShift('KeyO');
    expect((await accepted).detail.chatId).to.equal(offers[0]);
    await settle(element);
    expect(center.chat(offers[0] ?? '')?.state).to.equal('active');
    expect(session.state.activeChatId).to.equal(offers[0]);
    expect(focused(), 'the new chat’s message box').to.equal(composer(element));
    expect(center.chat(chats[0] ?? '')?.state, 'the other chat untouched').to.equal('active');

    await altShift('KeyR');
    await settle(element);
    expect(center.chat(offers[1] ?? '')?.state).to.equal('queued');
    expect(session.state.agent.state).to.equal('Refused');
    expect(focused(), 'focus stays where the agent works').to.equal(composer(element));
  });

  it('Alt+Shift+N and Alt+Shift+P go to the next and previous chat in tab order, wrapping, into the message box', async () => {
    const { session, element, chats } = await workspace({ chats: ['Marie Tremblay', 'Jean Roy', 'Priya Natarajan'] });
    session.activateChat(chats[0] ?? '');
    await settle(element);
    composer(element).focus();
    await altShift('KeyN');
    await settle(element);
    expect(session.state.activeChatId).to.equal(chats[1]);
    expect(focused()).to.equal(composer(element));
    await altShift('KeyP');
    await altShift('KeyP');
    await settle(element);
    expect(session.state.activeChatId, 'wraps to the last').to.equal(chats[2]);
    expect(focused()).to.equal(composer(element));
  });

  it('Alt+Shift+M puts the cursor in the message box from anywhere in the workspace, but not from the page', async () => {
    const { element } = await workspace({ chats: ['Marie Tremblay'] });
    deepQuery<HTMLSelectElement>(element, 'select[aria-label="Agent state"]')?.focus();
    await altShift('KeyM');
    expect(focused()).to.equal(composer(element));

    const outside = document.createElement('button');
    outside.textContent = 'CRM';
    document.body.append(outside);
    try {
      outside.focus();
      await altShift('KeyM');
      expect(focused(), 'the page keeps its keys').to.equal(outside);
    } finally {
      outside.remove();
    }
  });

  it('Alt+Shift+Q opens the quick replies with the cursor in their search field', async () => {
    const { element } = await workspace({ chats: ['Marie Tremblay'] });
    composer(element).focus();
    await altShift('KeyQ');
    await settle(element);
    const panel = deepQuery<HTMLElement & { open: boolean }>(element, 'quick-reply-panel');
    expect(panel?.open).to.equal(true);
    expect(focused()?.getAttribute('part')).to.equal('search');
  });

  it('Alt+Shift+X opens the Transfer dialog; other shortcuts wait while it is open', async () => {
    const { session, element, chats } = await workspace({ chats: ['Marie Tremblay', 'Jean Roy'] });
    composer(element).focus();
    const requested = oneEvent(element, 'transfer-dialog-requested');
    await altShift('KeyX');
    expect((await requested).detail.chatId).to.equal(session.state.activeChatId);
    await settle(element);
    const dialog = deepQuery(element, 'transfer-dialog')?.shadowRoot?.querySelector('dialog');
    expect(dialog?.open).to.equal(true);
    const active = session.state.activeChatId;
    await altShift('KeyN');
    expect(session.state.activeChatId, 'no switching under a modal dialog').to.equal(active);
    await press('Escape');
    await settle(element);
    expect(dialog?.open).to.equal(false);
    expect(chats).to.include(session.state.activeChatId);
  });

  it('Alt+Shift+E asks for confirmation like the End chat button, and a second press ends the chat', async () => {
    const { center, element, chats } = await workspace({ chats: ['Marie Tremblay'] });
    composer(element).focus();
    await altShift('KeyE');
    await settle(element);
    expect(center.chat(chats[0] ?? '')?.state).to.equal('active');
    const end = button(element, 'End chat');
    expect(end.classList.contains('confirming')).to.equal(true);
    expect(focused(), 'on the button, whose hint says what the next press does').to.equal(end);
    await altShift('KeyE');
    await settle(element);
    expect(center.chat(chats[0] ?? '')?.state).to.equal('ended');
  });

  it('Alt+Shift+H shows the help, with every shortcut; Escape closes it and focus comes back', async () => {
    const { element } = await workspace({ chats: ['Marie Tremblay'] });
    composer(element).focus();
    await altShift('KeyH');
    await settle(element);
    const dialog = helpDialog(element);
    expect(dialog.open).to.equal(true);
    expect(focused()?.getAttribute('aria-label'), 'focus moved into the dialog').to.equal('Close');
    const rows = Array.from(dialog.querySelectorAll('tbody tr')).map((row) => deepText(row));
    expect(rows).to.deep.equal([
      'Accept the oldest chat offer Alt + Shift + O',
      'Reject the oldest chat offer Alt + Shift + R',
      'Next chat Alt + Shift + N',
      'Previous chat Alt + Shift + P',
      'Go to the message box Alt + Shift + M',
      'Open the quick replies Alt + Shift + Q',
      'Transfer the chat Alt + Shift + X',
      'End chat (press twice to confirm) Alt + Shift + E',
      'Show or hide the keyboard shortcuts Alt + Shift + H',
    ]);
    await expect(element).to.be.accessible();

    await press('Escape');
    await settle(element);
    expect(dialog.open).to.equal(false);
    expect(focused(), 'back in the message box').to.equal(composer(element));

    await altShift('KeyH');
    await settle(element);
    await altShift('KeyH');
    await settle(element);
    expect(dialog.open, 'its own key closes it too').to.equal(false);
    expect(focused()).to.equal(composer(element));
  });

  it('opens the help from the header button, which names its shortcut, and gives focus back to it', async () => {
    const { element } = await workspace();
    const opener = button(element, 'Keyboard shortcuts');
    expect(opener.getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+H');
    opener.focus();
    opener.click();
    await settle(element);
    expect(helpDialog(element).open).to.equal(true);
    closeHelp(element);
    await settle(element);
    expect(helpDialog(element).open).to.equal(false);
    expect(focused()).to.equal(opener);
    await expect(element).to.be.accessible();
  });

  it('takes the host’s combinations, and false or null turns a shortcut off', async () => {
    const { center, element, offers } = await workspace({ offers: ['Marie Tremblay', 'Jean Roy'] });
    element.shortcuts = { acceptOffer: 'Alt+Shift+Y', rejectOffer: false, help: null };
    await settle(element);
    button(element, 'Accept').focus();
    await altShift('KeyO');
    await altShift('KeyR');
    await settle(element);
    expect(offers.map((chatId) => center.chat(chatId)?.state)).to.deep.equal(['offered', 'offered']);
    await altShift('KeyY');
    await settle(element);
    expect(center.chat(offers[0] ?? '')?.state).to.equal('active');
    expect(button(element, 'Keyboard shortcuts').hasAttribute('aria-keyshortcuts')).to.equal(false);

    button(element, 'Keyboard shortcuts').click();
    await settle(element);
    const rows = Array.from(helpDialog(element).querySelectorAll('tbody tr')).map((row) => deepText(row));
    expect(rows[0]).to.equal('Accept the oldest chat offer Alt + Shift + Y');
    expect(rows.some((row) => row.startsWith('Reject'))).to.equal(false);
    closeHelp(element);
    await settle(element);

    element.shortcuts = false;
    await settle(element);
    expect(deepQueryAll(element, '[part="shortcuts-button"]'), 'no help for no shortcuts').to.have.length(0);
    composer(element).blur();
    button(element, 'Accept').focus();
    await altShift('KeyY');
    await settle(element);
    expect(center.chat(offers[1] ?? '')?.state).to.equal('offered');
  });

  it('never acts on keys an input method is composing', async () => {
    const { center, element, offers } = await workspace({ chats: ['Marie Tremblay'], offers: ['Jean Roy'] });
    const box = composer(element);
    box.focus();
    const composing = { code: 'KeyO', key: 'O', altKey: true, shiftKey: true, bubbles: true, composed: true, cancelable: true };
    const during = new KeyboardEvent('keydown', { ...composing, isComposing: true });
    box.dispatchEvent(during);
    // Chromium and Safari send keyCode 229 for the key that starts a composition.
    const starting = new KeyboardEvent('keydown', { ...composing, keyCode: 229 } as KeyboardEventInit);
    box.dispatchEvent(starting);
    await settle(element);
    expect(during.defaultPrevented || starting.defaultPrevented).to.equal(false);
    expect(center.chat(offers[0] ?? '')?.state).to.equal('offered');
  });

  it('speaks French in the help, with the keys as a French keyboard names them', async () => {
    const { element } = await workspace();
    element.setAttribute('lang', 'fr-CA');
    await localeSettled();
    await settle(element);
    const opener = button(element, 'Raccourcis clavier');
    opener.click();
    await settle(element);
    const dialog = helpDialog(element);
    expect(deepText(dialog)).to.contain('Raccourcis clavier');
    expect(deepText(dialog)).to.contain('Accepter la plus ancienne offre de clavardage Alt + Maj + O');
    expect(dialog.querySelector('button.close')?.getAttribute('aria-label')).to.equal('Fermer');
    await expect(element).to.be.accessible();
    closeHelp(element);
    element.removeAttribute('lang');
    await localeSettled();
    await settle(element);
  });
});
