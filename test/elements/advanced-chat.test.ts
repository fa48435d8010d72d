import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { tap } from 'rxjs';
import { ChatSession, SimulatedContactCenter, localeSettled } from '../../src/index.js';
import type { ChatWorkspace } from '../../src/elements/chat-workspace/chat-workspace.js';
import { AGENT, button, buttons, deepQuery, deepText, settle } from '../helpers.js';

const CASE = { id: 'CASE-1042', subject: 'Double charge on the November invoice', status: 'open', priority: 'High' };

const until = (condition: () => boolean, what: string, timeout = 8000) => waitUntil(condition, `Timed out waiting for ${what}`, { timeout });

/**
 * Every text and input value the co-browse events carried (rrweb's `textContent` of a text
 * node, `value` of an attribute or a text change, `text` of an input): where a card number
 * typed on the contact's page would show. Only these: a timestamp or an id may hold "4111".
 */
function cobrowsedValues(received: readonly string[]): string[] {
  const values: string[] = [];
  const visit = (node: unknown, key?: string): void => {
    if (typeof node === 'string') {
      if (key === 'text' || key === 'value' || key === 'textContent') values.push(node);
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (node && typeof node === 'object') {
      for (const [name, value] of Object.entries(node)) visit(value, name);
    }
  };
  for (const json of received) {
    const event = JSON.parse(json) as { type?: string; events?: unknown };
    if (event.type === 'cobrowse-events') visit(event.events);
  }
  return values;
}

/** A workspace over a simulated center with advanced chat; `received` is every event the agent's side got, as JSON. */
async function advancedWorkspace(options: { advancedChat?: boolean; caseStatuses?: string[] } = {}) {
  const center = new SimulatedContactCenter({ advancedChat: options.advancedChat ?? true, caseStatuses: options.caseStatuses });
  const connector = center.connect(AGENT);
  const received: string[] = [];
  Object.defineProperty(connector, 'events', { value: connector.events.pipe(tap((event) => received.push(JSON.stringify(event)))) });
  const session = new ChatSession(connector, { logger: { warn: () => undefined } });
  await session.setAgentState('Available');
  const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!', case: CASE });
  await session.acceptOffer(chatId);
  const workspace = await fixture<ChatWorkspace>(html`<chat-workspace .session=${session} style="width: 900px; height: 900px"></chat-workspace>`);
  await settle(workspace);
  return { center, session, workspace, chatId, received };
}

function region(root: Element, name: string): HTMLElement | undefined {
  return deepQuery<HTMLElement>(root, `[role="region"][aria-label="${name}"]`);
}

function replayedDocument(root: Element): Document | null | undefined {
  return region(root, 'Co-browse')?.querySelector('iframe')?.contentDocument;
}

describe('<advanced-chat>: case information and co-browsing (R15)', () => {
  it('shows the case in a "Case" region and records a status change and a note', async () => {
    const { center, workspace, chatId } = await advancedWorkspace();
    const caseRegion = region(workspace, 'Case');
    expect(caseRegion, 'the Case region').to.exist;
    const text = deepText(caseRegion!);
    expect(text).to.contain('CASE-1042');
    expect(text).to.contain('Double charge on the November invoice');
    const select = caseRegion!.querySelector('select')!;
    expect(select.value).to.equal('open');

    const updated = oneEvent(workspace, 'case-updated');
    select.value = 'solved';
    select.dispatchEvent(new Event('change'));
    const event = await updated;
    expect(event.detail.chatId).to.equal(chatId);
    expect(event.detail.case.status).to.equal('solved');
    expect(center.chat(chatId)?.case?.status).to.equal('solved');
    await settle(workspace);
    expect(region(workspace, 'Case')!.querySelector('select')!.value).to.equal('solved');

    const note = region(workspace, 'Case')!.querySelector('textarea')!;
    note.value = 'Refund of the duplicate charge sent.';
    note.dispatchEvent(new Event('input'));
    await settle(workspace);
    button(workspace, 'Add note').click();
    await until(() => (center.chat(chatId)?.case?.notes?.length ?? 0) === 1, 'the note');
    expect(center.chat(chatId)?.case?.notes?.[0]).to.include({ text: 'Refund of the duplicate charge sent.', authorName: 'Alex Martin' });
    await settle(workspace);
    expect(deepText(region(workspace, 'Case')!)).to.contain('Refund of the duplicate charge sent.');
    await expect(workspace).to.be.accessible();
  });

  it('offers the statuses the configuration names (and the case’s own), and the platform takes no other', async () => {
    const { center, session, workspace, chatId } = await advancedWorkspace({ caseStatuses: ['new', 'escalated', 'closed'] });
    const select = region(workspace, 'Case')!.querySelector('select')!;
    expect([...select.options].map((option) => option.value)).to.deep.equal(['open', 'new', 'escalated', 'closed']);
    select.value = 'escalated';
    select.dispatchEvent(new Event('change'));
    await until(() => center.chat(chatId)?.case?.status === 'escalated', 'the new status');
    expect((await session.updateCase(chatId, { status: 'solved' })).ok).to.equal(false);
    expect(session.state.errors.at(-1)?.message).to.equal('The case status solved is not configured.');
    expect(center.chat(chatId)?.case?.status).to.equal('escalated');
  });

  it('speaks French under lang="fr-CA": "Cas" and "Co-navigation"', async () => {
    const { workspace } = await advancedWorkspace();
    workspace.setAttribute('lang', 'fr-CA');
    await localeSettled();
    await settle(workspace);
    expect(region(workspace, 'Cas'), 'the Cas region').to.exist;
    expect(buttons(workspace, 'Co-navigation')).to.have.length(1);
    workspace.removeAttribute('lang');
    await localeSettled();
    await settle(workspace);
  });

  it('shows neither the case nor co-browsing without advancedChat', async () => {
    const { workspace } = await advancedWorkspace({ advancedChat: false });
    expect(region(workspace, 'Case')).to.equal(undefined);
    expect(buttons(workspace, 'Co-browse')).to.have.length(0);
  });

  it('co-browses the contact\'s page live, masked on the contact\'s side, and ends it from the agent\'s side', async () => {
    const { center, workspace, chatId, received } = await advancedWorkspace();
    button(workspace, 'Co-browse').click();
    await until(() => center.chat(chatId)?.cobrowse === 'requested', 'the request');
    await settle(workspace);
    expect(deepText(workspace)).to.contain('Waiting for the contact');

    const started = oneEvent(workspace, 'cobrowse-started');
    await center.contactAcceptsCobrowse(chatId);
    expect((await started).detail.chatId).to.equal(chatId);
    await settle(workspace);
    expect(region(workspace, 'Co-browse'), 'the Co-browse region').to.exist;

    // The replay shows the contact's page.
    await until(() => replayedDocument(workspace)?.querySelector('h1')?.textContent === 'Checkout', 'the replayed "Checkout"');
    // The contact typed the whole card number: 19 characters, which reach the agent as 19 asterisks.
    await until(() => received.some((event) => event.includes('"text":"*******************"')), 'the masked card number');
    const card = replayedDocument(workspace)?.querySelector<HTMLInputElement>('#card');
    await until(() => card?.value === '*******************', 'the masked card number in the replay');
    const shown = cobrowsedValues(received);
    expect(shown, 'the masked card number among the co-browsed values').to.include('*******************');
    expect(shown.filter((value) => value.includes('4111'))).to.deep.equal([]);
    expect(shown.join('').replace(/\s/g, '')).not.to.contain('4111111111111111');
    await expect(workspace).to.be.accessible();

    const ended = oneEvent(workspace, 'cobrowse-ended');
    button(workspace, 'End co-browse').click();
    expect((await ended).detail.by).to.equal('agent');
    expect(center.chat(chatId)?.cobrowse).to.equal(undefined);
    await settle(workspace);
    expect(region(workspace, 'Co-browse')).to.equal(undefined);
    expect(document.querySelector('iframe[title="Simulated contact page"]'), 'the contact page closed').to.equal(null);
    expect(cobrowsedValues(received).filter((value) => value.includes('4111'))).to.deep.equal([]);
  });

  it('ends when the contact stops sharing, and says when the contact declines', async () => {
    const { center, workspace, chatId } = await advancedWorkspace();
    button(workspace, 'Co-browse').click();
    await until(() => center.chat(chatId)?.cobrowse === 'requested', 'the request');
    center.contactDeclinesCobrowse(chatId);
    await settle(workspace);
    expect(deepText(workspace)).to.contain('The contact declined co-browsing.');

    button(workspace, 'Co-browse').click();
    await until(() => center.chat(chatId)?.cobrowse === 'requested', 'the second request');
    await center.contactAcceptsCobrowse(chatId);
    await settle(workspace);
    await until(() => replayedDocument(workspace)?.querySelector('h1')?.textContent === 'Checkout', 'the replayed "Checkout"');
    const ended = oneEvent(workspace, 'cobrowse-ended');
    center.contactEndsCobrowse(chatId);
    expect((await ended).detail.by).to.equal('contact');
    await settle(workspace);
    expect(region(workspace, 'Co-browse')).to.equal(undefined);
    expect(buttons(workspace, 'Co-browse')).to.have.length(1);
  });
});
