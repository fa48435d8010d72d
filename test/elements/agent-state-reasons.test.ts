import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AgentStateChangedDetail, AgentStateControl, ChatWorkspace, TransferDialog } from '../../src/index.js';
import { ChatSession, localeSettled } from '../../src/index.js';
import { connectAgent, deepQuery, deepText, settle } from '../helpers.js';

const REASONS = {
  unavailableReasons: [
    { code: 'lunch', label: 'Lunch' },
    { code: 'break', label: 'Break' },
    { code: 'training', label: 'Training' },
  ],
};

function selectOf(element: Element): HTMLSelectElement {
  const select = deepQuery<HTMLSelectElement>(element, 'select[part="select"]');
  if (!select) throw new Error('no select');
  return select;
}

const shownText = (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent?.trim();

describe('<agent-state-control>: Unavailable reasons', () => {
  it('offers the configured reasons in a group, and the keyboard chooses one that reaches the platform', async () => {
    const { center, session } = connectAgent(REASONS);
    const element = await fixture<AgentStateControl>(html`<agent-state-control .session=${session}></agent-state-control>`);
    const select = selectOf(element);
    expect([...select.options].map((option) => option.textContent?.trim())).to.deep.equal([
      'Available',
      'Unavailable',
      'Unavailable — Lunch',
      'Unavailable — Break',
      'Unavailable — Training',
    ]);
    const group = select.querySelector('optgroup');
    expect(group?.label).to.equal('Unavailable reasons');
    expect(group?.children).to.have.length(3);

    // Unavailable now; one step down is "Unavailable — Lunch".
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(element);
    expect(center.agentState('agent-1'), 'the plain state, as SPEC has it').to.equal('Unavailable');
    expect(center.agentReason('agent-1')).to.equal('lunch');
    expect(shownText(selectOf(element))).to.equal('Unavailable — Lunch');
    expect(element.reason).to.equal('lunch');
    await expect(element).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    await settle(element);
    expect(center.agentReason('agent-1')).to.equal('break');
    await sendKeys({ press: 'Home' });
    await settle(element);
    expect(center.agentState('agent-1')).to.equal('Available');
    expect(center.agentReason('agent-1')).to.equal(undefined);
    expect(shownText(selectOf(element))).to.equal('Available');
  });

  it('shows the current reason, also one set elsewhere (another tab, a reload)', async () => {
    const { session } = connectAgent(REASONS);
    await session.setAgentState('Unavailable', 'training');
    const element = await fixture<AgentStateControl>(html`<agent-state-control .session=${session}></agent-state-control>`);
    expect(shownText(selectOf(element))).to.equal('Unavailable — Training');
    expect(selectOf(element).value).to.equal('Unavailable:training');
  });

  it('has no group when no reasons are configured', async () => {
    const { session } = connectAgent();
    const element = await fixture<AgentStateControl>(html`<agent-state-control .session=${session}></agent-state-control>`);
    expect(selectOf(element).querySelector('optgroup')).to.equal(null);
  });

  it('speaks French with lang="fr-CA"', async () => {
    const { session } = connectAgent(REASONS);
    await session.setAgentState('Unavailable', 'lunch');
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr-CA"><agent-state-control .session=${session}></agent-state-control></div>`);
    await localeSettled();
    const element = wrapper.querySelector('agent-state-control') as AgentStateControl;
    await settle(element);
    const select = selectOf(element);
    expect(select.getAttribute('aria-label')).to.equal("État de l'agent");
    expect(select.querySelector('optgroup')?.label).to.equal("Motifs d'indisponibilité");
    expect(shownText(select)).to.equal('Indisponible — Lunch');
    await expect(element).to.be.accessible();
  });
});

describe('<chat-workspace>: the reason reaches the host and the address book', () => {
  it('fires agent-state-changed with the reason, and colleagues see it in the transfer dialog', async () => {
    const { center, session } = connectAgent({
      ...REASONS,
      directory: {
        agents: [
          { id: 'agent-1', name: 'Alex Martin', skills: [] },
          { id: 'agent-2', name: 'Sam Rivera', skills: [] },
        ],
      },
    });
    const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 700px" .session=${session}></chat-workspace>`);
    const changes: AgentStateChangedDetail[] = [];
    element.addEventListener('agent-state-changed', (event) => changes.push(event.detail));
    const select = selectOf(element);
    select.value = 'Unavailable:break';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(element);
    expect(changes).to.deep.equal([{ state: 'Unavailable', previous: 'Unavailable', reason: 'break' }]);

    // Sam, on another workspace of the same center, takes a chat and opens the transfer dialog.
    const sam = new ChatSession(center.connect({ id: 'agent-2', name: 'Sam Rivera' }), { logger: { warn: () => undefined } });
    const samWorkspace = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 700px" .session=${sam}></chat-workspace>`);
    await sam.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour' });
    await sam.acceptOffer(chatId);
    await settle(samWorkspace);
    const dialog = deepQuery<TransferDialog>(samWorkspace, 'transfer-dialog');
    dialog?.show(chatId);
    await settle(samWorkspace);
    const presence = deepQuery<HTMLElement>(samWorkspace, '[part="presence"]');
    expect(presence ? deepText(presence).trim() : '').to.equal('Unavailable — Break');
    dialog?.close();
    sam.dispose();
  });
});
