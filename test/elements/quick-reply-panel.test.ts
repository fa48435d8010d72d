import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuickReply } from '../../src/protocol/types.js';
import { filterQuickReplies, groupByCategory, templateParts } from '../../src/elements/quick-reply-panel/quick-replies.js';
import type { ChatComposer, ChatWorkspace, QuickReplyPanel } from '../../src/index.js';
import '../../src/index.js';
import { connectAgent, deepElements, settle } from '../helpers.js';

const REPLIES: QuickReply[] = [
  {
    id: 'greeting',
    title: 'Greeting',
    category: 'Openers',
    text: 'Hello {{contact.name}}, my name is {{agent.name}}. How can I help you today?',
  },
  { id: 'order', title: 'Order status', category: 'Orders', text: 'Your order {{order.number}} ships today, {{contact.name}}.' },
  { id: 'refund', title: 'Refund', category: 'Orders', text: 'Your refund is on its way.' },
  { id: 'closing', title: 'Closing', text: 'Anything else? I am {{agent.id}}, this was chat {{chat.id}} about {{skill}}.' },
];

const MARKUP_NAME = '<img src=x onerror="window.pwned=true"><b>Marie</b>';

/** A chat with Marie (or `contactName`), its composer and a panel beside it, both given the session. */
async function panelBesideComposer(contactName = 'Marie Tremblay') {
  const { center, session } = connectAgent({ quickReplies: REPLIES });
  await session.setAgentState('Available');
  const chatId = center.startChat({ contact: { name: contactName, email: 'marie@example.com' }, skill: 'Billing', text: 'Bonjour!' });
  await session.acceptOffer(chatId);
  const root = await fixture<HTMLDivElement>(html`<div>
    <chat-composer .session=${session} chat-id=${chatId}></chat-composer>
    <quick-reply-panel .session=${session} chat-id=${chatId}></quick-reply-panel>
  </div>`);
  const composer = root.querySelector('chat-composer') as ChatComposer;
  const panel = root.querySelector('quick-reply-panel') as QuickReplyPanel;
  panel.composer = composer;
  await settle(root);
  const textarea = composer.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement;
  return { center, session, chatId, root, composer, panel, textarea };
}

function part<T extends Element = HTMLElement>(panel: QuickReplyPanel, name: string): T {
  const found = panel.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`No part "${name}"`);
  return found;
}

function replyTitles(panel: QuickReplyPanel): string[] {
  return [...(panel.shadowRoot?.querySelectorAll('[part~="reply"] button') ?? [])].map((title) => title.textContent?.trim() ?? '');
}

function categories(panel: QuickReplyPanel): string[] {
  return [...(panel.shadowRoot?.querySelectorAll('[part~="category"]') ?? [])].map((heading) => heading.textContent?.trim() ?? '');
}

function highlightedTitle(panel: QuickReplyPanel): string | undefined {
  return panel.shadowRoot?.querySelector('[part~="reply-highlighted"] button')?.textContent?.trim();
}

/** The variable fields by their label text. */
function fields(panel: QuickReplyPanel): Map<string, HTMLInputElement> {
  const byLabel = new Map<string, HTMLInputElement>();
  for (const input of panel.shadowRoot?.querySelectorAll<HTMLInputElement>('[part~="variable"]') ?? []) {
    const label = [...(input.labels ?? [])].map((element) => element.textContent?.replace('*', '').trim()).join(' ');
    byLabel.set(label, input);
  }
  return byLabel;
}

function field(panel: QuickReplyPanel, label: string): HTMLInputElement {
  const found = fields(panel).get(label);
  if (!found) throw new Error(`No field labelled "${label}"`);
  return found;
}

function preview(panel: QuickReplyPanel): string {
  return part(panel, 'preview').textContent ?? '';
}

function status(panel: QuickReplyPanel): string {
  return panel.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? '';
}

async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function choose(panel: QuickReplyPanel, title: string): Promise<void> {
  const reply = [...(panel.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="reply"] button') ?? [])].find(
    (candidate) => candidate.textContent?.trim() === title,
  );
  if (!reply) throw new Error(`No reply "${title}"`);
  reply.click();
  await settle(panel);
}

async function openPanel(panel: QuickReplyPanel): Promise<void> {
  part<HTMLButtonElement>(panel, 'toggle').click();
  await settle(panel);
}

function agentMessages(center: ReturnType<typeof connectAgent>['center'], chatId: string): string[] {
  return (center.chat(chatId)?.messages ?? []).filter((message) => message.from === 'agent').map((message) => message.text);
}

/** The element that holds focus, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<quick-reply-panel>', () => {
  it('slides out and back with its ">>" button named "Quick replies" (R6)', async () => {
    const { panel } = await panelBesideComposer();
    const toggle = part<HTMLButtonElement>(panel, 'toggle');
    expect(toggle.getAttribute('aria-label')).to.equal('Quick replies');
    expect(toggle.textContent?.trim()).to.equal('>>');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const controlled = panel.shadowRoot?.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(controlled).to.equal(part(panel, 'panel'));
    expect(controlled?.closest('[inert]'), 'closed: out of reach').to.exist;

    toggle.click();
    await settle(panel);
    expect(panel.open).to.equal(true);
    expect(panel.hasAttribute('open')).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(controlled?.closest('[inert]')).to.equal(null);
    expect(focused(), 'the search field takes focus').to.equal(part(panel, 'search'));
    await expect(panel).to.be.accessible();

    toggle.click();
    await settle(panel);
    expect(panel.open).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await expect(panel).to.be.accessible();
  });

  it('lists the replies by category and searches titles, texts and categories (R14)', async () => {
    const { panel } = await panelBesideComposer();
    await openPanel(panel);
    expect(categories(panel)).to.deep.equal(['Openers', 'Orders', 'Other']);
    expect(replyTitles(panel)).to.deep.equal(['Greeting', 'Order status', 'Refund', 'Closing']);
    expect(part(panel, 'reply').textContent, 'the excerpt is filled in for the chat').to.contain('Hello Marie Tremblay');

    const search = part<HTMLInputElement>(panel, 'search');
    await sendKeys({ type: 'refund' });
    await settle(panel);
    expect(search.value).to.equal('refund');
    expect(replyTitles(panel)).to.deep.equal(['Refund']);
    expect(status(panel)).to.equal('1 quick reply');

    await typeInto(search, 'anything else');
    await settle(panel);
    expect(replyTitles(panel), 'found by its text').to.deep.equal(['Closing']);
    expect(categories(panel), 'no heading when no category is left').to.deep.equal([]);

    await typeInto(search, 'orders');
    await settle(panel);
    expect(replyTitles(panel), 'found by their category').to.deep.equal(['Order status', 'Refund']);

    await typeInto(search, 'zebra');
    await settle(panel);
    expect(replyTitles(panel)).to.deep.equal([]);
    expect(part(panel, 'panel').textContent).to.contain('No quick replies match "zebra".');
  });

  it('moves through the list with the arrow keys and selects with Enter', async () => {
    const { panel } = await panelBesideComposer();
    await openPanel(panel);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()?.textContent).to.contain('Greeting');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()?.textContent).to.contain('Refund');
    await sendKeys({ press: 'Enter' });
    await settle(panel);
    expect(panel.shadowRoot?.querySelector('.detail-title')?.textContent).to.equal('Refund');
    expect(focused(), 'no variable: Insert is next').to.equal(part(panel, 'insert'));

    await sendKeys({ press: 'Escape' });
    await settle(panel);
    expect(focused()?.textContent, 'Escape goes back to the reply in the list').to.contain('Refund');
    await sendKeys({ press: 'Escape' });
    await settle(panel);
    expect(panel.open).to.equal(false);
    expect(focused()).to.equal(part(panel, 'toggle'));
  });

  it('shows the preview and the variables, those the workspace knows pre-filled and editable', async () => {
    const { panel } = await panelBesideComposer();
    await openPanel(panel);
    await choose(panel, 'Greeting');
    expect(preview(panel)).to.equal('Hello Marie Tremblay, my name is Alex Martin. How can I help you today?');
    expect([...fields(panel).keys()]).to.deep.equal(['Contact name', 'Agent name']);
    expect(field(panel, 'Agent name').value).to.equal('Alex Martin');
    expect(field(panel, 'Contact name').value).to.equal('Marie Tremblay');
    expect(field(panel, 'Agent name').required).to.equal(true);

    await typeInto(field(panel, 'Agent name'), 'Alex');
    await settle(panel);
    expect(preview(panel)).to.equal('Hello Marie Tremblay, my name is Alex. How can I help you today?');
    await expect(panel).to.be.accessible();

    part<HTMLButtonElement>(panel, 'back').click();
    await settle(panel);
    await choose(panel, 'Closing');
    const closing = fields(panel);
    expect([...closing.keys()]).to.deep.equal(['Agent ID', 'Chat ID', 'Skill']);
    expect(closing.get('Agent ID')?.value).to.equal('agent-1');
    expect(closing.get('Skill')?.value).to.equal('Billing');
  });

  it('fills the values of the chat it is given, dropping the edits made for another', async () => {
    const { center, session, panel } = await panelBesideComposer();
    const second = center.startChat({ contact: { name: 'Priya Natarajan' }, skill: 'Technical Support', text: 'Hi' });
    await session.acceptOffer(second);
    await openPanel(panel);
    await choose(panel, 'Greeting');
    await typeInto(field(panel, 'Agent name'), 'Alex');
    panel.chatId = second;
    await settle(panel);
    expect(field(panel, 'Contact name').value).to.equal('Priya Natarajan');
    expect(field(panel, 'Agent name').value).to.equal('Alex Martin');
  });

  it('requires the variables the workspace does not know before Insert', async () => {
    const { panel, chatId } = await panelBesideComposer();
    const inserts: string[] = [];
    panel.addEventListener('quick-reply-insert', (event) => inserts.push(event.detail.text));
    await openPanel(panel);
    await choose(panel, 'Order status');
    const order = field(panel, 'order.number');
    expect(order.value).to.equal('');
    expect(order.required).to.equal(true);
    expect(focused(), 'focus goes to the field to fill in').to.equal(order);
    expect(preview(panel)).to.equal('Your order {{order.number}} ships today, Marie Tremblay.');

    part<HTMLButtonElement>(panel, 'insert').click();
    await settle(panel);
    expect(inserts).to.deep.equal([]);
    expect(order.getAttribute('aria-invalid')).to.equal('true');
    const error = panel.shadowRoot?.getElementById(order.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).to.equal('Fill in this value to insert the reply.');
    expect(focused()).to.equal(order);
    await expect(panel).to.be.accessible();

    await typeInto(order, 'A-1042');
    await settle(panel);
    const inserted = oneEvent(panel, 'quick-reply-insert');
    part<HTMLButtonElement>(panel, 'insert').click();
    const event = await inserted;
    expect(event.detail).to.deep.equal({ chatId, text: 'Your order A-1042 ships today, Marie Tremblay.' });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
  });

  it('inserts the filled text at the caret of the composer without sending, and gives it focus', async () => {
    const { center, session, chatId, panel, composer, textarea } = await panelBesideComposer();
    session.setDraft(chatId, 'Hi! Thanks.');
    await settle(composer);
    textarea.focus();
    textarea.setSelectionRange(4, 4);
    await openPanel(panel);
    await choose(panel, 'Refund');
    part<HTMLButtonElement>(panel, 'insert').click();
    await settle(panel);
    expect(textarea.value).to.equal('Hi! Your refund is on its way.Thanks.');
    expect(agentMessages(center, chatId)).to.deep.equal([]);
    expect(focused()).to.equal(textarea);
    expect(panel.open, 'the panel stays out for the next reply').to.equal(true);
    expect(replyTitles(panel)).to.have.length(4);
  });

  it('leaves the insertion to a listener that cancels the event', async () => {
    const { panel, textarea } = await panelBesideComposer();
    panel.addEventListener('quick-reply-insert', (event) => event.preventDefault());
    await openPanel(panel);
    await choose(panel, 'Refund');
    part<HTMLButtonElement>(panel, 'insert').click();
    await settle(panel);
    expect(textarea.value).to.equal('');
  });

  it('keeps markup in a contact name as text', async () => {
    const { root, panel, textarea } = await panelBesideComposer(MARKUP_NAME);
    await openPanel(panel);
    await choose(panel, 'Greeting');
    expect(preview(panel)).to.equal(`Hello ${MARKUP_NAME}, my name is Alex Martin. How can I help you today?`);
    expect(field(panel, 'Contact name').value).to.equal(MARKUP_NAME);
    part<HTMLButtonElement>(panel, 'insert').click();
    await settle(panel);
    expect(textarea.value).to.equal(`Hello ${MARKUP_NAME}, my name is Alex Martin. How can I help you today?`);
    const created = deepElements(root).filter((element) => element.localName === 'img' || element.localName === 'b');
    expect(created).to.deep.equal([]);
    expect((window as { pwned?: boolean }).pwned).to.equal(undefined);
  });

  describe('"/" in the composer', () => {
    it('opens the panel filtered by what follows, keeping the focus in the composer', async () => {
      const { panel, textarea } = await panelBesideComposer();
      textarea.focus();
      await sendKeys({ type: '/ord' });
      await settle(panel);
      expect(panel.open).to.equal(true);
      expect(replyTitles(panel)).to.deep.equal(['Order status', 'Refund']);
      expect(highlightedTitle(panel)).to.equal('Order status');
      expect(status(panel)).to.equal('Order status, 1 of 2. Enter selects it.');
      expect(focused()).to.equal(textarea);

      await sendKeys({ type: 'er st' });
      await settle(panel);
      expect(replyTitles(panel)).to.deep.equal(['Order status']);
      await expect(panel).to.be.accessible();

      for (let index = 0; index < '/order st'.length; index++) await sendKeys({ press: 'Backspace' });
      await settle(panel);
      expect(textarea.value).to.equal('');
      expect(panel.open, 'no "/" left: the search is over').to.equal(false);
    });

    it('moves with the arrows, selects with Enter and inserts with a second Enter', async () => {
      const { center, chatId, panel, textarea } = await panelBesideComposer();
      textarea.focus();
      await sendKeys({ type: '/' });
      await settle(panel);
      expect(replyTitles(panel)).to.deep.equal(['Greeting', 'Order status', 'Refund', 'Closing']);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await settle(panel);
      expect(highlightedTitle(panel)).to.equal('Refund');
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      await settle(panel);
      expect(highlightedTitle(panel), 'wraps around').to.equal('Closing');
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'Enter' });
      await settle(panel);
      expect(panel.shadowRoot?.querySelector('.detail-title')?.textContent).to.equal('Refund');
      expect(focused()).to.equal(textarea);
      expect(status(panel)).to.equal('Refund: press Enter to insert it.');
      expect(agentMessages(center, chatId), 'Enter did not send').to.deep.equal([]);

      await sendKeys({ press: 'Enter' });
      await settle(panel);
      expect(textarea.value, 'the reply replaces "/"').to.equal('Your refund is on its way.');
      expect(agentMessages(center, chatId)).to.deep.equal([]);
      expect(panel.open).to.equal(false);
      expect(focused()).to.equal(textarea);

      await sendKeys({ press: 'Enter' });
      expect(agentMessages(center, chatId), 'Enter sends again').to.deep.equal(['Your refund is on its way.']);
    });

    it('asks for the missing values, then puts the reply in place of "/search"', async () => {
      const { center, chatId, panel, textarea } = await panelBesideComposer();
      textarea.focus();
      await sendKeys({ type: '/order status' });
      await sendKeys({ press: 'Enter' });
      await settle(panel);
      const order = field(panel, 'order.number');
      expect(focused(), 'a value is missing: focus goes to it').to.equal(order);
      await sendKeys({ type: '42' });
      await sendKeys({ press: 'Enter' });
      await settle(panel);
      expect(textarea.value).to.equal('Your order 42 ships today, Marie Tremblay.');
      expect(focused()).to.equal(textarea);
      expect(panel.open).to.equal(false);
      expect(agentMessages(center, chatId)).to.deep.equal([]);
    });

    it('closes with Escape and stays closed while the agent goes on typing', async () => {
      const { panel, textarea } = await panelBesideComposer();
      textarea.focus();
      await sendKeys({ type: '/gre' });
      await settle(panel);
      expect(panel.open).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await settle(panel);
      expect(panel.open).to.equal(false);
      expect(textarea.value).to.equal('/gre');
      expect(focused()).to.equal(textarea);
      await sendKeys({ type: 'at' });
      await settle(panel);
      expect(panel.open).to.equal(false);
    });

    it('gives an open panel back as it was once the search ends', async () => {
      const { panel, textarea } = await panelBesideComposer();
      await openPanel(panel);
      await typeInto(part<HTMLInputElement>(panel, 'search'), 'closing');
      textarea.focus();
      await sendKeys({ type: '/ref' });
      await settle(panel);
      expect(replyTitles(panel)).to.deep.equal(['Refund']);
      await sendKeys({ press: 'Escape' });
      await settle(panel);
      expect(panel.open).to.equal(true);
      expect(part<HTMLInputElement>(panel, 'search').value).to.equal('closing');
    });

    it('ignores the composer of another chat', async () => {
      const { panel, textarea } = await panelBesideComposer();
      panel.chatId = 'another-chat';
      await settle(panel);
      textarea.focus();
      await sendKeys({ type: '/gre' });
      await settle(panel);
      expect(panel.open).to.equal(false);
    });
  });

  it('takes its session from an enclosing <chat-workspace>', async () => {
    const { center, session } = connectAgent({ quickReplies: REPLIES });
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await session.acceptOffer(chatId);
    const workspace = await fixture<ChatWorkspace>(html`<chat-workspace .session=${session}>
      <quick-reply-panel chat-id=${chatId}></quick-reply-panel>
    </chat-workspace>`);
    const panel = workspace.querySelector('quick-reply-panel') as QuickReplyPanel;
    await settle(workspace);
    await settle(panel);
    expect(panel.session).to.equal(session);
    expect(replyTitles(panel)).to.deep.equal(['Greeting', 'Order status', 'Refund', 'Closing']);
    await choose(panel, 'Greeting');
    expect(field(panel, 'Contact name').value).to.equal('Marie Tremblay');
    expect(field(panel, 'Agent name').value).to.equal('Alex Martin');
  });

  it('says when no quick reply is configured', async () => {
    const { session } = connectAgent();
    const panel = await fixture<QuickReplyPanel>(html`<quick-reply-panel .session=${session} open></quick-reply-panel>`);
    await settle(panel);
    expect(part(panel, 'panel').textContent).to.contain('No quick replies are configured.');
    await expect(panel).to.be.accessible();
  });
});

describe('quick replies, searched and grouped', () => {
  const replies: QuickReply[] = [
    { id: 'a', title: 'Réponse d’accueil', category: 'Accueil', text: 'Bonjour {{contact.name}}' },
    { id: 'b', title: 'Sans catégorie', text: 'Merci' },
    { id: 'c', title: 'Clôture', category: 'Fin', text: 'Au revoir' },
    { id: 'd', title: 'Deuxième accueil', category: 'Accueil', text: 'Allô' },
  ];

  it('ignores case and accents and wants every word', () => {
    expect(filterQuickReplies(replies, 'REPONSE').map((reply) => reply.id)).to.deep.equal(['a']);
    expect(filterQuickReplies(replies, 'accueil bonjour').map((reply) => reply.id)).to.deep.equal(['a']);
    expect(filterQuickReplies(replies, '  ').map((reply) => reply.id)).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('groups by category in order of appearance, the uncategorized last', () => {
    const groups = groupByCategory(replies);
    expect(groups.map((group) => [group.category, group.replies.map((reply) => reply.id)])).to.deep.equal([
      ['Accueil', ['a', 'd']],
      ['Fin', ['c']],
      [undefined, ['b']],
    ]);
  });

  it('splits a text into written parts and variables', () => {
    expect(templateParts('Hi {{ contact.name }}, I am {{agent.name}}.')).to.deep.equal([
      { kind: 'text', text: 'Hi ' },
      { kind: 'variable', name: 'contact.name' },
      { kind: 'text', text: ', I am ' },
      { kind: 'variable', name: 'agent.name' },
      { kind: 'text', text: '.' },
    ]);
  });
});
