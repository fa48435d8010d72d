import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AssistApi, AssistAppOpenedDetail, AssistChat, ChatWorkspace } from '../../src/index.js';
import { localeSettled } from '../../src/index.js';
import { button, connectAgent, deepQuery, focused, settle } from '../helpers.js';

/** A host's own assist app: it keeps what the panel gives it. */
class NotesApp extends HTMLElement {
  chat?: AssistChat;
  assist?: AssistApi;
}
if (!customElements.get('test-notes-app')) customElements.define('test-notes-app', NotesApp);

const APPS = [
  { id: 'notes', title: 'Notes', tag: 'test-notes-app' },
  { id: 'kb', title: 'Knowledge', url: 'https://kb.example.com/search?lang=en' },
];

async function workspaceWithChats(names: string[], options: { width?: number; lang?: string } = {}) {
  const { center, session } = connectAgent({ maxConcurrentChats: 3, assistApps: APPS });
  const column = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en'} style="width: ${options.width ?? 1100}px; height: 700px">
      <chat-workspace .session=${session}></chat-workspace>
    </div>`,
  );
  const element = column.querySelector('chat-workspace') as ChatWorkspace;
  await session.setAgentState('Available');
  const chatIds: string[] = [];
  for (const name of names) {
    const chatId = center.startChat({ contact: { name, email: 'marie@example.com' }, skill: 'Billing', text: `I was charged twice, ${name}` });
    await session.acceptOffer(chatId);
    chatIds.push(chatId);
  }
  await settle(element);
  return { center, session, column, element, chatIds };
}

const assistOf = (element: ChatWorkspace) => deepQuery<HTMLElement>(element, 'aside[part="assist"]');
/** Elements inside the assist panel's shadow root. */
const inPanel = <T extends Element = HTMLElement>(element: ChatWorkspace, selector: string): T[] =>
  Array.from(deepQuery(element, 'assist-panel')?.shadowRoot?.querySelectorAll<T & Element>(selector) ?? []) as T[];
/** Whether focus is in a composer's text box. */
const inComposer = () => {
  const root = focused()?.getRootNode();
  return root instanceof ShadowRoot && root.host.localName === 'chat-composer';
};
const notesApp = (element: ChatWorkspace) => deepQuery<NotesApp>(element, 'test-notes-app');

describe('<chat-workspace> agent assist panel', () => {
  it('slides in on accept as a complementary region named "Agent assist", hidden and shown by its button', async () => {
    const { element } = await workspaceWithChats(['Marie Tremblay']);
    const panel = assistOf(element);
    if (!panel) throw new Error('no assist panel');
    expect(panel.localName, 'an <aside>: role complementary').to.equal('aside');
    expect(panel.getAttribute('aria-label')).to.equal('Agent assist');
    expect(panel.hidden).to.equal(false);
    const toggle = button(element, 'Agent assist');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.getAttribute('aria-controls')).to.equal(panel.id);
    expect(inPanel(element, '[role="tab"]').map((tab) => tab.textContent?.trim())).to.deep.equal(['Notes', 'Knowledge']);
    await expect(element).to.be.accessible();

    toggle.click();
    await settle(element);
    expect(panel.hidden).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await settle(element);
    expect(panel.hidden).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    // Beside the chat: the panel is a grid column, not an overlay.
    expect(getComputedStyle(panel).position).to.equal('static');
  });

  it('gives a custom-element app the chat, follows tab switches, and inserts text into the composer', async () => {
    const { session, element, chatIds } = await workspaceWithChats(['Marie Tremblay', 'Jean Roy']);
    const [marie, jean] = chatIds as [string, string];
    let app = notesApp(element);
    expect(app?.chat?.id).to.equal(jean);
    expect(app?.chat?.contact.name).to.equal('Jean Roy');
    expect(app?.chat?.skill).to.equal('Billing');
    expect(app?.chat?.messages.map((message) => message.text)).to.deep.equal(['I was charged twice, Jean Roy']);
    expect(app?.assist?.variables['contact.name']).to.equal('Jean Roy');
    expect(Object.isFrozen(app?.chat), 'read-only').to.equal(true);
    expect(app?.assist, 'never the session').not.to.have.property('session');

    session.activateChat(marie);
    await settle(element);
    app = notesApp(element);
    expect(app?.chat?.id, 'follows the active chat').to.equal(marie);
    expect(await app?.assist?.insertText('Your refund is on its way.')).to.equal(true);
    await settle(element);
    const box = deepQuery(element, 'chat-composer')?.shadowRoot?.querySelector('textarea');
    expect(box?.value).to.equal('Your refund is on its way.');
  });

  it('shows a URL app in a sandboxed frame, without same-origin, with the chat in its query', async () => {
    const { element, chatIds } = await workspaceWithChats(['Marie Tremblay']);
    const tab = inPanel(element, '[role="tab"]').find((candidate) => candidate.textContent?.trim() === 'Knowledge');
    const opened = oneEvent(element, 'assist-app-opened');
    tab?.click();
    const event = (await opened) as CustomEvent<AssistAppOpenedDetail>;
    expect(event.detail).to.deep.equal({ appId: 'kb', title: 'Knowledge', chatId: chatIds[0] });
    expect(event.bubbles && event.composed).to.equal(true);
    await settle(element);
    const frame = inPanel<HTMLIFrameElement>(element, 'iframe')[0];
    if (!frame) throw new Error('no frame');
    expect(frame.getAttribute('sandbox')).to.equal('allow-scripts allow-forms allow-popups');
    expect(frame.getAttribute('sandbox')).not.to.contain('allow-same-origin');
    expect(frame.title).to.equal('Knowledge');
    const src = new URL(frame.src);
    expect(src.origin + src.pathname).to.equal('https://kb.example.com/search');
    expect(Object.fromEntries(src.searchParams)).to.deep.equal({ lang: 'en', chatId: chatIds[0], contact: 'Marie Tremblay', skill: 'Billing' });
    await expect(element).to.be.accessible();
  });

  it('moves between the apps with the arrow keys and opens one with Enter', async () => {
    const { element } = await workspaceWithChats(['Marie Tremblay']);
    const [notes, knowledge] = inPanel(element, '[role="tab"]');
    notes?.focus();
    await sendKeys({ press: 'ArrowRight' });
    const panelRoot = deepQuery(element, 'assist-panel')?.shadowRoot;
    expect(panelRoot?.activeElement).to.equal(knowledge);
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(knowledge?.getAttribute('aria-selected')).to.equal('true');
    expect(notes?.getAttribute('aria-selected')).to.equal('false');
    expect(inPanel(element, '[role="tabpanel"]')[0]?.getAttribute('aria-labelledby')).to.equal(knowledge?.id);
  });

  it('fires assist-app-opened when a chat is accepted, and shows no frame for a non-http URL', async () => {
    const { center, session } = connectAgent({
      assistApps: [{ id: 'bad', title: 'Bad', url: 'javascript:alert(1)' }],
    });
    const element = await fixture<ChatWorkspace>(html`<chat-workspace .session=${session}></chat-workspace>`);
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour' });
    const opened = oneEvent(element, 'assist-app-opened');
    await session.acceptOffer(chatId);
    const event = (await opened) as CustomEvent<AssistAppOpenedDetail>;
    expect(event.detail).to.deep.equal({ appId: 'bad', title: 'Bad', chatId });
    await settle(element);
    expect(inPanel(element, 'iframe')[0]).to.equal(undefined);
  });

  it('is "Aide de l\'agent" in French', async () => {
    const { element } = await workspaceWithChats(['Marie Tremblay'], { lang: 'fr-CA' });
    await localeSettled();
    await settle(element);
    await waitUntil(() => assistOf(element)?.getAttribute('aria-label') === "Aide de l'agent");
    expect(button(element, "Aide de l'agent").getAttribute('aria-expanded')).to.equal('true');
    element.parentElement?.removeAttribute('lang');
    await localeSettled();
    await settle(element);
  });

  it('overlays the chat in a narrow workspace, the composer keeping its width, and Escape closes it', async () => {
    const { element } = await workspaceWithChats(['Marie Tremblay'], { width: 360 });
    const panel = assistOf(element);
    const composer = deepQuery<HTMLElement>(element, 'chat-composer');
    if (!panel || !composer) throw new Error('no panel or composer');
    expect(panel.hidden).to.equal(false);
    // Over the chat, not beside it: it covers part of the chat's panel, and leaves the tabs in reach.
    const chatPanel = deepQuery<HTMLElement>(element, '[part="panel"]')!.getBoundingClientRect();
    await waitUntil(() => panel.getBoundingClientRect().left < chatPanel.right - 100, 'an overlay');
    expect(panel.getBoundingClientRect().top, 'below the tabs').to.be.at.least(deepQuery(element, '[part="tabs"]')!.getBoundingClientRect().bottom);
    const widthWithPanel = composer.getBoundingClientRect().width;
    await expect(element).to.be.accessible();

    inPanel(element, '[role="tab"]')[0]?.focus();
    await sendKeys({ press: 'Escape' });
    await settle(element);
    expect(panel.hidden).to.equal(true);
    expect(composer.getBoundingClientRect().width, 'the same width either way').to.equal(widthWithPanel);
    expect(button(element, 'Agent assist').getAttribute('aria-expanded')).to.equal('false');
  });

  it('as an overlay, takes the focus on an accept, gives it to the composer on Escape, and stays closed after that', async () => {
    const { center, element } = await workspaceWithChats([], { width: 360 });
    const accept = async (name: string) => {
      center.startChat({ contact: { name }, skill: 'Billing', text: `Hello, ${name} here` });
      await settle(element);
      // Accepted from the offer prompt by keyboard, as an agent does.
      button(element, 'Accept').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepQuery(element, 'chat-composer') !== undefined, 'the chat open');
      await settle(element);
    };
    await accept('Marie Tremblay');
    const panel = assistOf(element);
    if (!panel) throw new Error('no assist panel');
    expect(panel.hidden).to.equal(false);
    expect(panel.classList.contains('overlay')).to.equal(true);
    // The composer is behind the panel: focus goes into the panel, not behind it or to the page.
    await waitUntil(() => focused()?.getAttribute('role') === 'tab', 'the panel focused');
    expect(focused()?.textContent?.trim()).to.equal('Notes');

    await sendKeys({ press: 'Escape' });
    await settle(element);
    expect(panel.hidden).to.equal(true);
    expect(inComposer(), 'the composer focused').to.equal(true);

    // The agent closed it: the next chat does not cover the conversation again.
    await accept('Luc Gagnon');
    expect(assistOf(element)?.hidden).to.equal(true);
    expect(inComposer(), 'the composer focused').to.equal(true);
    // The button shows it; a press on the conversation beside it closes it again.
    button(element, 'Agent assist').click();
    await settle(element);
    expect(assistOf(element)?.hidden).to.equal(false);
    deepQuery(element, 'chat-conversation')?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await settle(element);
    expect(assistOf(element)?.hidden).to.equal(true);
    expect(button(element, 'Agent assist').getAttribute('aria-expanded')).to.equal('false');
  });

  it('beside the chat, opens again with every chat accepted', async () => {
    const { center, session, element } = await workspaceWithChats(['Marie Tremblay']);
    button(element, 'Agent assist').click();
    await settle(element);
    expect(assistOf(element)?.hidden).to.equal(true);
    await session.acceptOffer(center.startChat({ contact: { name: 'Luc Gagnon' }, skill: 'Billing', text: 'Hi' }));
    await settle(element);
    expect(assistOf(element)?.hidden).to.equal(false);
  });
});
