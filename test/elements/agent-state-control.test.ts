import { expect, fixture, html } from '@open-wc/testing';
import type { AgentStateControl } from '../../src/index.js';
import { localeSettled } from '../../src/index.js';
import { connectAgent, settle } from '../helpers.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

function selectOf(element: AgentStateControl): HTMLSelectElement {
  const select = element.shadowRoot?.querySelector('select');
  if (!select) throw new Error('no select');
  return select;
}

async function choose(element: AgentStateControl, value: string) {
  const select = selectOf(element);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await Promise.resolve();
  await settle(element);
}

describe('<agent-state-control>', () => {
  it('starts Unavailable and makes the agent Available on the platform (R1)', async () => {
    const { center, session } = connectAgent();
    const element = await fixture<AgentStateControl>(html`<agent-state-control .session=${session}></agent-state-control>`);
    const select = selectOf(element);

    expect(select.getAttribute('aria-label')).to.equal('Agent state');
    expect(select.value).to.equal('Unavailable');
    expect([...select.options].map((option) => option.textContent?.trim())).to.deep.equal(['Available', 'Unavailable']);

    await choose(element, 'Available');
    expect(center.agentState('agent-1')).to.equal('Available');
    expect(selectOf(element).value).to.equal('Available');
    await expect(element).to.be.accessible();
  });

  it('shows Refused after a rejected offer, with a hint, until the agent picks Available again', async () => {
    const { center, session } = connectAgent();
    const element = await fixture<AgentStateControl>(html`<agent-state-control .session=${session}></agent-state-control>`);
    await choose(element, 'Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await session.rejectOffer(chatId);
    await settle(element);

    const select = selectOf(element);
    expect(select.value).to.equal('Refused');
    const refused = [...select.options].find((option) => option.value === 'Refused');
    expect(refused?.disabled, 'Refused cannot be chosen').to.equal(true);
    const hint = element.shadowRoot?.querySelector('[part="hint"]');
    expect(hint?.textContent?.trim()).to.equal('You rejected a chat. Choose Available to receive chats again.');
    expect(select.getAttribute('aria-describedby')).to.equal(hint?.id);
    await expect(element).to.be.accessible();

    await choose(element, 'Available');
    expect(center.agentState('agent-1')).to.equal('Available');
    expect(element.shadowRoot?.querySelector('[part="hint"]')).to.equal(null);
    // Available again, the waiting chat is offered anew.
    expect(center.chat(chatId)?.state).to.equal('offered');
  });

  it('says an offer was missed when it expired, and keeps the hint within the control’s width', async () => {
    const scheduler = new ManualScheduler();
    const { center, session } = connectAgent({ offerTimeoutMs: 45_000, scheduler });
    const element = await fixture<AgentStateControl>(html`<agent-state-control .session=${session}></agent-state-control>`);
    await choose(element, 'Available');
    center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    scheduler.advance(45_000);
    await settle(element);
    const hint = element.shadowRoot?.querySelector<HTMLElement>('[part="hint"]');
    expect(hint?.textContent?.trim()).to.equal('A chat offer was missed. Choose Available to receive chats again.');
    const control = element.shadowRoot?.querySelector<HTMLElement>('select');
    expect(hint?.getBoundingClientRect().width).to.be.at.most(Math.max(control?.getBoundingClientRect().width ?? 0, 240));
  });

  it('speaks French under lang="fr-CA"', async () => {
    const { session } = connectAgent();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr-CA"><agent-state-control .session=${session}></agent-state-control></div>`,
    );
    const element = wrapper.querySelector('agent-state-control') as AgentStateControl;
    await localeSettled();
    await settle(element);
    const select = selectOf(element);
    expect(select.getAttribute('aria-label')).to.equal("État de l'agent");
    expect([...select.options].map((option) => option.textContent?.trim())).to.deep.equal(['Disponible', 'Indisponible']);
    wrapper.removeAttribute('lang');
    await localeSettled();
    await settle(element);
  });

  it('renders nothing without a session', async () => {
    const element = await fixture<AgentStateControl>(html`<agent-state-control></agent-state-control>`);
    expect(element.shadowRoot?.querySelector('select')).to.equal(null);
  });
});
