import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import type { SimulatedContactCenterOptions, TransferDialog } from '../../src/index.js';
import { ChatSession, SimulatedContactCenter } from '../../src/index.js';
import type { TransferRequestedDetail } from '../../src/elements/transfer-dialog/transfer-dialog.js';
import { AGENT, button, buttons, connectAgent, deepQuery, deepQueryAll, deepText, settle } from '../helpers.js';

const directory = {
  agents: [
    { id: 'agent-1', name: 'Alex Martin', team: 'tier-2', skills: ['Billing', 'Technical Support'] },
    { id: 'agent-2', name: 'Sam Rivera', team: 'tier-2', skills: ['Billing', 'Technical Support'] },
  ],
  teams: [{ id: 'tier-2', name: 'Tier 2' }],
  skills: [
    { id: 'billing', name: 'Billing' },
    { id: 'technical-support', name: 'Technical Support' },
  ],
};

const quiet = { logger: { warn: () => undefined } };

/** A second agent on the same center. */
function connectSam(center: SimulatedContactCenter) {
  return new ChatSession(center.connect({ id: 'agent-2', name: 'Sam Rivera' }), quiet);
}

/** Agent-1 holds an active chat; the dialog is in the page beside the button that opens it. */
async function setUp(options: { session?: (center: SimulatedContactCenter) => ChatSession; config?: SimulatedContactCenterOptions } = {}) {
  let center: SimulatedContactCenter;
  let session: ChatSession;
  if (options.session) {
    center = new SimulatedContactCenter({ directory, ...options.config });
    session = options.session(center);
  } else {
    ({ center, session } = connectAgent({ directory, ...options.config }));
  }
  await session.setAgentState('Available');
  const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour! Ma facture est double.' });
  await session.acceptOffer(chatId);
  center.contactSays(chatId, 'Pouvez-vous vérifier?');
  // Unavailable from here on, so a chat sent to a skill or team is never offered back to agent-1.
  await session.setAgentState('Unavailable');
  const root = await fixture<HTMLDivElement>(html`
    <div>
      <button id="opener">Transfer</button>
      <transfer-dialog .session=${session} chat-id=${chatId}></transfer-dialog>
    </div>
  `);
  const opener = root.querySelector<HTMLButtonElement>('#opener');
  const dialog = root.querySelector<TransferDialog>('transfer-dialog');
  if (!opener || !dialog) throw new Error('fixture');
  opener.addEventListener('click', () => dialog.show(chatId));
  return { center, session, chatId, root, opener, dialog };
}

async function openFromButton(setup: Awaited<ReturnType<typeof setUp>>) {
  setup.opener.focus();
  setup.opener.click();
  await settle(setup.dialog);
}

const nativeDialog = (element: TransferDialog) => deepQuery<HTMLDialogElement>(element, 'dialog');
const searchField = (element: TransferDialog) => deepQuery<HTMLInputElement>(element, 'input[type="search"]');
const noteField = (element: TransferDialog) => deepQuery<HTMLTextAreaElement>(element, 'textarea');
const focused = (element: TransferDialog) => element.shadowRoot?.activeElement ?? null;
const entryNames = (element: TransferDialog) =>
  deepQueryAll(element, '[part="entry"] .name').map((name) => name.textContent?.trim() ?? '');
const entryOf = (element: TransferDialog, name: string) =>
  deepQueryAll<HTMLLIElement>(element, '[part="entry"]').find((entry) => entry.querySelector('.name')?.textContent?.trim() === name);

/** Types into an emptied search field, as the agent would. */
async function search(element: TransferDialog, text: string) {
  const field = searchField(element);
  if (!field) throw new Error('no search field');
  field.focus();
  field.value = '';
  field.dispatchEvent(new Event('input'));
  await sendKeys({ type: text });
  await settle(element);
}

describe('<transfer-dialog>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('opens as a modal dialog with focus in the search field', async () => {
    const setup = await setUp();
    const { dialog } = setup;
    expect(nativeDialog(dialog)?.open).to.equal(false);
    await openFromButton(setup);
    const native = nativeDialog(dialog);
    expect(dialog.open).to.equal(true);
    expect(dialog.hasAttribute('open'), 'open reflects').to.equal(true);
    expect(native?.open).to.equal(true);
    expect(native?.matches(':modal'), 'shown with showModal()').to.equal(true);
    expect(native?.getAttribute('aria-labelledby')).to.equal('title');
    expect(deepText(dialog)).to.contain('Transfer chat').and.contain('Marie Tremblay');
    expect(focused(dialog)).to.equal(searchField(dialog));
    const label = deepQuery(dialog, 'label[for="search"]');
    expect(label?.textContent?.trim()).to.equal('Search agents, teams and skills');
  });

  it('closes on Escape and gives focus back to the button that opened it', async () => {
    const setup = await setUp();
    await openFromButton(setup);
    await sendKeys({ press: 'Escape' });
    await settle(setup.dialog);
    expect(setup.dialog.open).to.equal(false);
    expect(setup.dialog.hasAttribute('open')).to.equal(false);
    expect(nativeDialog(setup.dialog)?.open).to.equal(false);
    expect(document.activeElement).to.equal(setup.opener);

    // close() and the Close button do the same.
    await openFromButton(setup);
    button(setup.dialog, 'Close').click();
    await settle(setup.dialog);
    expect(setup.dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(setup.opener);
  });

  it('gives focus back to an opener inside another shadow root', async () => {
    const setup = await setUp();
    const host = document.createElement('div');
    setup.root.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('button');
    inner.textContent = 'Transfer';
    shadow.append(inner);
    inner.addEventListener('click', () => setup.dialog.show());
    inner.focus();
    inner.click();
    await settle(setup.dialog);
    expect(focused(setup.dialog)).to.equal(searchField(setup.dialog));
    setup.dialog.close();
    await settle(setup.dialog);
    await new Promise((resolve) => setTimeout(resolve));
    expect(shadow.activeElement).to.equal(inner);
  });

  it('lists agents with presence and team, teams and skills under headings, without the agent themself', async () => {
    const setup = await setUp();
    await openFromButton(setup);
    const { dialog } = setup;
    expect(entryNames(dialog)).to.deep.equal(['Sam Rivera', 'Tier 2', 'Billing', 'Technical Support']);
    expect(deepQueryAll(dialog, 'h3').map((heading) => heading.textContent?.trim())).to.deep.equal(['Agents', 'Teams', 'Skills']);
    const sam = entryOf(dialog, 'Sam Rivera');
    expect(sam?.textContent).to.contain('Offline').and.contain('Tier 2');
    expect(buttons(dialog, 'Transfer to Sam Rivera')).to.have.length(1);
    expect(button(dialog, 'Transfer to Sam Rivera').textContent?.trim(), 'visible text').to.equal('Transfer');
  });

  it('shows each agent’s availability in words as it changes', async () => {
    const setup = await setUp();
    await openFromButton(setup);
    const { dialog, center } = setup;
    const presence = () => entryOf(dialog, 'Sam Rivera')?.querySelector('[part="presence"]')?.textContent?.trim();
    expect(presence()).to.equal('Offline');
    const second = connectSam(center);
    await settle(dialog);
    expect(presence()).to.equal('Unavailable');
    await second.setAgentState('Available');
    await settle(dialog);
    expect(presence()).to.equal('Available');
    expect(entryOf(dialog, 'Sam Rivera')?.querySelector('[part="presence"]')?.getAttribute('data-presence')).to.equal('Available');
  });

  it('filters agents, teams and skills together as the agent types, ignoring case and accents', async () => {
    const setup = await setUp({
      config: { directory: { ...directory, teams: [...directory.teams, { id: 'billing-team', name: 'Équipe Facturation' }] } },
    });
    await openFromButton(setup);
    const { dialog } = setup;
    await search(dialog, 'sam');
    expect(entryNames(dialog)).to.deep.equal(['Sam Rivera']);
    expect(deepQueryAll(dialog, 'h3').map((heading) => heading.textContent?.trim())).to.deep.equal(['Agents']);

    await search(dialog, 'SÂM riv');
    expect(entryNames(dialog)).to.deep.equal(['Sam Rivera']);

    await search(dialog, 'equipe');
    expect(entryNames(dialog)).to.deep.equal(['Équipe Facturation']);

    await search(dialog, 'bill');
    expect(entryNames(dialog)).to.deep.equal(['Billing']);

    await search(dialog, 'zzz');
    expect(entryNames(dialog)).to.deep.equal([]);
    expect(deepQuery(dialog, '[part="empty"]')?.textContent).to.contain('No agent, team or skill matches “zzz”.');
    expect(deepQuery(dialog, '[role="status"]')?.textContent?.trim()).to.equal('Results: 0');
  });

  it('browses the address book by group with tabs that arrows move between', async () => {
    const setup = await setUp();
    await openFromButton(setup);
    const { dialog } = setup;
    const tabs = deepQueryAll<HTMLButtonElement>(dialog, '[role="tab"]');
    expect(tabs.map((tab) => tab.textContent?.trim())).to.deep.equal(['All', 'Agents', 'Teams', 'Skills']);
    expect(tabs.map((tab) => tab.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    tabs[2]?.click();
    await settle(dialog);
    expect(entryNames(dialog)).to.deep.equal(['Tier 2']);
    expect(deepQuery(dialog, '[role="tabpanel"]')?.getAttribute('aria-labelledby')).to.equal('tab-team');

    tabs[2]?.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(dialog);
    expect(focused(dialog)).to.equal(tabs[3]);
    expect(tabs[3]?.getAttribute('aria-selected')).to.equal('true');
    expect(entryNames(dialog)).to.deep.equal(['Billing', 'Technical Support']);
  });

  it('reveals an entry’s Transfer button on focus or hover, and Tab reaches it', async () => {
    const setup = await setUp();
    await openFromButton(setup);
    const { dialog } = setup;
    await search(dialog, 'sam');
    const transfer = button(dialog, 'Transfer to Sam Rivera');
    expect(getComputedStyle(transfer).opacity, 'hidden until hover or focus').to.equal('0');
    expect(getComputedStyle(transfer).visibility).to.equal('visible');

    // Search, note, the selected group tab, then the entry's button.
    await sendKeys({ press: 'Tab' });
    expect(focused(dialog)).to.equal(noteField(dialog));
    await sendKeys({ press: 'Tab' });
    expect(focused(dialog)?.getAttribute('role')).to.equal('tab');
    await sendKeys({ press: 'Tab' });
    expect(focused(dialog)).to.equal(transfer);
    expect(getComputedStyle(transfer).opacity).to.equal('1');

    searchField(dialog)?.focus();
    expect(getComputedStyle(transfer).opacity).to.equal('0');
    const entry = entryOf(dialog, 'Sam Rivera');
    const box = entry?.getBoundingClientRect();
    if (!box) throw new Error('no entry');
    await sendMouse({ type: 'move', position: [Math.round(box.left + 10), Math.round(box.top + box.height / 2)] });
    expect(getComputedStyle(transfer).opacity).to.equal('1');
  });

  it('transfers to an agent with a note: the chat leaves this workspace and reaches Sam as an offer with its history (R12, R13)', async () => {
    const setup = await setUp();
    const { center, session, chatId, dialog, root } = setup;
    const second = connectSam(center);
    await second.setAgentState('Available');
    await openFromButton(setup);
    const requests: TransferRequestedDetail[] = [];
    root.addEventListener('transfer-requested', (event) => {
      const request = event as CustomEvent<TransferRequestedDetail>;
      expect(request.bubbles && request.composed && request.cancelable).to.equal(true);
      requests.push(request.detail);
    });
    const reported: unknown[] = [];
    const subscription = session.events$.subscribe((event) => {
      if (event.type === 'chat-transferred') reported.push({ target: event.target, targetName: event.targetName, note: event.note });
    });

    noteField(dialog)?.focus();
    await sendKeys({ type: '  Wants a refund of the double charge.  ' });
    await search(dialog, 'sam');
    button(dialog, 'Transfer to Sam Rivera').click();
    await settle(dialog);
    subscription.unsubscribe();

    const target = { kind: 'agent', id: 'agent-2' };
    const note = 'Wants a refund of the double charge.';
    expect(requests).to.deep.equal([{ chatId, target, targetName: 'Sam Rivera', note }]);
    expect(reported).to.deep.equal([{ target, targetName: 'Sam Rivera', note }]);
    expect(session.state.chats.map((chat) => chat.id), 'removed from agent-1').to.deep.equal([]);
    expect(dialog.open).to.equal(false);
    expect(center.chat(chatId)?.state).to.equal('offered');
    expect(center.chat(chatId)?.agentId).to.equal('agent-2');
    expect(second.state.offers.map((offer) => offer.chatId)).to.deep.equal([chatId]);

    expect((await second.acceptOffer(chatId)).ok).to.equal(true);
    const received = second.state.chats.find((chat) => chat.id === chatId);
    expect(received?.messages.map((message) => message.text)).to.deep.equal(['Bonjour! Ma facture est double.', 'Pouvez-vous vérifier?']);
    expect(received?.transfers[0]?.note).to.equal(note);
    expect(received?.transfers[0]?.fromAgentName).to.equal(AGENT.name);
  });

  it('transfers to a skill: the chat waits in its queue, then goes to whoever becomes available', async () => {
    const setup = await setUp();
    const { center, session, chatId, dialog } = setup;
    const second = connectSam(center);
    await openFromButton(setup);
    await search(dialog, 'technical');
    button(dialog, 'Transfer to Technical Support').click();
    await settle(dialog);
    expect(session.state.chats).to.have.length(0);
    expect(center.chat(chatId)?.state).to.equal('queued');
    expect(center.queued('Technical Support')).to.deep.equal([chatId]);

    await second.setAgentState('Available');
    expect(center.chat(chatId)?.state).to.equal('offered');
    expect(center.chat(chatId)?.agentId).to.equal('agent-2');
    expect(center.chat(chatId)?.transfers?.[0]?.toName).to.equal('Technical Support');
  });

  it('keeps the chat where it is when the host cancels transfer-requested', async () => {
    const setup = await setUp();
    const { center, session, chatId, dialog, root } = setup;
    connectSam(center);
    root.addEventListener('transfer-requested', (event) => event.preventDefault());
    await openFromButton(setup);
    button(dialog, 'Transfer to Tier 2').click();
    await settle(dialog);
    expect(session.state.chats.map((chat) => chat.id)).to.deep.equal([chatId]);
    expect(center.chat(chatId)?.state).to.equal('active');
    expect(center.chat(chatId)?.transfers).to.equal(undefined);
    expect(dialog.open).to.equal(true);
  });

  it('waits while the transfer is on its way, and on failure stays open with the reason and the note', async () => {
    let fail: (error: Error) => void = () => undefined;
    let calls = 0;
    const setup = await setUp({
      session: (center) => {
        const connector = center.connect(AGENT);
        connector.transferChat = () => {
          calls++;
          return new Promise<void>((_resolve, reject) => (fail = reject));
        };
        return new ChatSession(connector, quiet);
      },
    });
    const { session, chatId, dialog } = setup;
    await openFromButton(setup);
    noteField(dialog)?.focus();
    await sendKeys({ type: 'VIP customer' });
    await settle(dialog);
    const transfer = button(dialog, 'Transfer to Sam Rivera');
    transfer.focus();
    transfer.click();
    await settle(dialog);
    const transferButtons = deepQueryAll(dialog, '[part="transfer-button"]');
    expect(transferButtons.map((item) => item.getAttribute('aria-disabled'))).to.deep.equal(['true', 'true', 'true', 'true']);
    expect(focused(dialog), 'focus stays on the button').to.equal(transfer);
    button(dialog, 'Transfer to Billing').click();
    expect(calls, 'one transfer at a time').to.equal(1);

    fail(new Error('Sam Rivera cannot take chats right now.'));
    await new Promise((resolve) => setTimeout(resolve));
    await settle(dialog);
    expect(dialog.open).to.equal(true);
    const alert = deepQuery(dialog, '[role="alert"]');
    expect(alert?.textContent?.trim()).to.equal('The chat could not be transferred. Sam Rivera cannot take chats right now.');
    expect(noteField(dialog)?.value).to.equal('VIP customer');
    expect(transferButtons.map((item) => item.getAttribute('aria-disabled'))).to.deep.equal(['false', 'false', 'false', 'false']);
    expect(session.state.chats.map((chat) => chat.id)).to.deep.equal([chatId]);
  });

  it('is accessible while open, also when a search finds nothing', async () => {
    const setup = await setUp();
    connectSam(setup.center);
    await openFromButton(setup);
    await expect(setup.dialog).to.be.accessible();
    await search(setup.dialog, 'zzz');
    await expect(setup.dialog).to.be.accessible();
  });
});
