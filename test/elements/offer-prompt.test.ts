import { expect, fixture, html } from '@open-wc/testing';
import type { OfferPrompt, SimulatedContactCenterOptions } from '../../src/index.js';
import { localeSettled } from '../../src/index.js';
import { button, buttons, connectAgent, deepText, settle } from '../helpers.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

describe('<offer-prompt>', () => {
  /** Each test's clock, moved by hand: the center and the session both run on it. */
  let scheduler: ManualScheduler;
  beforeEach(() => {
    scheduler = new ManualScheduler();
  });

  async function offerOne(options: SimulatedContactCenterOptions = {}) {
    const { center, session } = connectAgent({ ...options, scheduler });
    await session.setAgentState('Available');
    const element = await fixture<OfferPrompt>(html`<offer-prompt .session=${session}></offer-prompt>`);
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour! Ma facture est double.' });
    await settle(element);
    return { center, session, element, chatId };
  }

  function countdown(element: OfferPrompt): string {
    return element.shadowRoot?.querySelector('[role="timer"]')?.textContent?.trim() ?? '';
  }

  it('shows contact name, skill, first message and a countdown from 0:45 (R2)', async () => {
    const { element } = await offerOne();
    const text = deepText(element);
    expect(text).to.contain('Marie Tremblay');
    expect(text).to.contain('Billing');
    expect(text).to.contain('Bonjour! Ma facture est double.');
    expect(countdown(element)).to.equal('0:45');
    expect(buttons(element, 'Accept')).to.have.length(1);
    expect(buttons(element, 'Reject')).to.have.length(1);
    await expect(element).to.be.accessible();
  });

  it('counts down once a second without re-rendering the prompt', async () => {
    const { element } = await offerOne();
    let renders = 0;
    const render = element.render.bind(element);
    element.render = () => {
      renders++;
      return render();
    };
    scheduler.advance(1000);
    expect(countdown(element)).to.equal('0:44');
    scheduler.advance(13_000);
    expect(countdown(element)).to.equal('0:31');
    await settle(element);
    expect(renders, 'ticks rewrite the timer text only').to.equal(0);
  });

  it('takes the offer away at exactly 45 s and the agent becomes Refused', async () => {
    const { center, session, element, chatId } = await offerOne();
    scheduler.advance(44_999);
    await settle(element);
    expect(buttons(element, 'Accept')).to.have.length(1);
    expect(countdown(element)).to.equal('0:01');
    scheduler.advance(1);
    await settle(element);
    expect(buttons(element, 'Accept')).to.have.length(0);
    expect(center.chat(chatId)?.state).to.equal('queued');
    expect(session.state.agent.state).to.equal('Refused');
  });

  it('honours the configured offer timeout', async () => {
    const { element } = await offerOne({ offerTimeoutMs: 20_000 });
    expect(countdown(element)).to.equal('0:20');
    scheduler.advance(20_000);
    await settle(element);
    expect(buttons(element, 'Accept')).to.have.length(0);
  });

  it('Accept starts the chat', async () => {
    const { center, session, element, chatId } = await offerOne();
    button(element, 'Accept').click();
    await settle(element);
    expect(center.chat(chatId)?.state).to.equal('active');
    expect(session.state.activeChatId).to.equal(chatId);
    expect(buttons(element, 'Accept')).to.have.length(0);
  });

  it('Reject puts the chat back in the queue and sets Refused', async () => {
    const { center, session, element, chatId } = await offerOne();
    button(element, 'Reject').click();
    await settle(element);
    expect(center.queued('Billing')).to.deep.equal([chatId]);
    expect(session.state.agent.state).to.equal('Refused');
    expect(buttons(element, 'Reject')).to.have.length(0);
  });

  it('stacks offers that arrive together, each with its own Accept (R3)', async () => {
    const { center, element } = await offerOne({ maxConcurrentChats: 3 });
    const second = center.startChat({ contact: { name: 'Priya Natarajan' }, skill: 'Technical Support', text: 'Modem down' });
    await settle(element);
    expect(buttons(element, 'Accept')).to.have.length(2);
    await expect(element).to.be.accessible();

    buttons(element, 'Accept')[1]?.click();
    await settle(element);
    expect(center.chat(second)?.state).to.equal('active');
    expect(buttons(element, 'Accept')).to.have.length(1);
    expect(deepText(element)).to.contain('Marie Tremblay');
  });

  it('renders contact input as text, never as HTML', async () => {
    const { center, session } = connectAgent({ scheduler });
    await session.setAgentState('Available');
    const element = await fixture<OfferPrompt>(html`<offer-prompt .session=${session}></offer-prompt>`);
    center.startChat({
      contact: { name: '<img src=x onerror="window.__pwned=1">' },
      skill: '<b>Billing</b>',
      text: '<script>window.__pwned=1</script>',
    });
    await settle(element);
    expect(element.shadowRoot?.querySelector('img, b, script')).to.equal(null);
    expect(deepText(element)).to.contain('<img src=x onerror="window.__pwned=1">');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('announces a new offer through a polite live region', async () => {
    const { element } = await offerOne();
    const live = element.shadowRoot?.querySelector('[aria-live="polite"]');
    expect(live?.textContent?.trim()).to.equal('New chat from Marie Tremblay, Billing.');
  });

  it('speaks French under lang="fr-CA"', async () => {
    const { center, session } = connectAgent({ scheduler });
    await session.setAgentState('Available');
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr-CA"><offer-prompt .session=${session}></offer-prompt></div>`);
    const element = wrapper.querySelector('offer-prompt') as OfferPrompt;
    center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await localeSettled();
    await settle(element);
    expect(buttons(element, 'Accepter')).to.have.length(1);
    expect(buttons(element, 'Rejeter')).to.have.length(1);
    expect(element.shadowRoot?.querySelector('[aria-live]')?.textContent?.trim()).to.equal(
      'Nouveau clavardage de Marie Tremblay, Billing.',
    );
    wrapper.removeAttribute('lang');
    await localeSettled();
  });
});
