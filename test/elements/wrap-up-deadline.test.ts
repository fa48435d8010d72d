import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatWorkspace, DispositionForm, WrapUpExpiredDetail } from '../../src/index.js';
import { ChatSession, SimulatedContactCenter, localeSettled, type SimulatedContactCenterOptions } from '../../src/index.js';
import { ManualScheduler } from '../support/manual-scheduler.js';
import { AGENT, button, buttons, deepQuery, settle } from '../helpers.js';

const ACW_MS = 90_000;

/** A center and session on one virtual clock, with after-contact work limited to 90 s. */
function platform(options: SimulatedContactCenterOptions = {}) {
  const scheduler = new ManualScheduler();
  const center = new SimulatedContactCenter({
    acwTimeoutMs: ACW_MS,
    dispositions: [
      { code: 'resolved', label: 'Resolved' },
      { code: 'follow-up', label: 'Follow-up needed' },
    ],
    defaultDisposition: 'follow-up',
    maxConcurrentChats: 3,
    scheduler,
    ...options,
  });
  const session = new ChatSession(center.connect(AGENT), { scheduler, storage: null, logger: { warn: () => undefined } });
  return { scheduler, center, session };
}

async function acceptChat(center: SimulatedContactCenter, session: ChatSession, name: string): Promise<string> {
  const chatId = center.startChat({ contact: { name }, skill: 'Billing', text: 'Bonjour' });
  await session.acceptOffer(chatId);
  return chatId;
}

/** Advances the virtual clock and lets the elements render what it changed. */
async function advance(scheduler: ManualScheduler, root: Element, ms: number): Promise<void> {
  scheduler.advance(ms);
  await settle(root);
}

function countdownOf(root: Element): HTMLElement {
  const countdown = deepQuery<HTMLElement>(root, '[part="countdown"]');
  if (!countdown) throw new Error('no countdown');
  return countdown;
}

describe('<disposition-form>: the after-contact work deadline', () => {
  it('shows the time left as a timer next to Extend, and Extend adds the timeout', async () => {
    const { scheduler, center, session } = platform();
    await session.setAgentState('Available');
    const chatId = await acceptChat(center, session, 'Marie Tremblay');
    await session.endChat(chatId);
    const form = await fixture<DispositionForm>(html`<disposition-form .session=${session} chat-id=${chatId}></disposition-form>`);
    await settle(form);

    const countdown = countdownOf(form);
    expect(countdown.getAttribute('role')).to.equal('timer');
    expect(countdown.textContent?.trim()).to.equal('1:30');
    const labelId = countdown.getAttribute('aria-labelledby') ?? '';
    expect(form.shadowRoot?.getElementById(labelId)?.textContent?.trim()).to.equal('Time left');
    expect(deepQuery(form, '.deadline-outcome')?.textContent?.trim()).to.equal(
      'When time runs out, the chat closes with the disposition Follow-up needed.',
    );
    await advance(scheduler, form, 30_000);
    expect(countdown.textContent?.trim()).to.equal('1:00');
    expect(deepQuery(form, '[part="deadline"]')?.getAttribute('data-urgency')).to.equal('calm');

    form.focus();
    expect(form.shadowRoot?.activeElement?.localName, 'focus() goes to the first field, not Extend').to.equal('select');
    const extend = button(form, 'Extend');
    extend.focus();
    await sendKeys({ press: 'Enter' });
    await settle(form);
    expect(countdown.textContent?.trim()).to.equal('2:30');
    expect(form.shadowRoot?.activeElement, 'focus stays on Extend').to.equal(extend);
    await expect(form).to.be.accessible();
  });

  it('reads the time from the deadline, so a throttled background tab never stretches it', async () => {
    const { scheduler, center, session } = platform();
    await session.setAgentState('Available');
    const chatId = await acceptChat(center, session, 'Marie Tremblay');
    await session.endChat(chatId);
    const form = await fixture<DispositionForm>(html`<disposition-form .session=${session} chat-id=${chatId}></disposition-form>`);
    await settle(form);
    // A hidden tab: 61 s pass, the clock ticks once.
    scheduler.frame += 60_000;
    await advance(scheduler, form, 1000);
    expect(countdownOf(form).textContent?.trim()).to.equal('0:29');
    expect(deepQuery(form, '[part="deadline"]')?.getAttribute('data-urgency'), 'its last 30 s look different').to.equal('urgent');
    expect(deepQuery(form, '[aria-live="polite"]')?.textContent?.trim()).to.equal('Less than 30 seconds of after-contact work left.');
  });

  it('says the time is up when a disposition is required, and keeps the chat', async () => {
    const { scheduler, center, session } = platform({ dispositionRequired: true });
    await session.setAgentState('Available');
    const chatId = await acceptChat(center, session, 'Marie Tremblay');
    await session.endChat(chatId);
    const form = await fixture<DispositionForm>(html`<disposition-form .session=${session} chat-id=${chatId}></disposition-form>`);
    await settle(form);
    expect(deepQuery(form, '.deadline-outcome')?.textContent?.trim()).to.equal(
      'When time runs out, the chat stays open until you choose a disposition.',
    );
    await advance(scheduler, form, ACW_MS);
    expect(center.chat(chatId)?.state).to.equal('ended');
    const alert = deepQuery<HTMLElement>(form, '[role="alert"]');
    expect(alert?.textContent?.trim()).to.equal('Time is up. Choose a disposition, then Save and close.');
    expect(countdownOf(form).textContent?.trim()).to.equal('0:00');
    await expect(form).to.be.accessible();
  });

  it('shows no countdown when after-contact work has no limit', async () => {
    const { center, session } = platform({ acwTimeoutMs: 0 });
    await session.setAgentState('Available');
    const chatId = await acceptChat(center, session, 'Marie Tremblay');
    await session.endChat(chatId);
    const form = await fixture<DispositionForm>(html`<disposition-form .session=${session} chat-id=${chatId}></disposition-form>`);
    await settle(form);
    expect(deepQuery(form, '[part="countdown"]')).to.equal(undefined);
    expect(buttons(form, 'Extend')).to.have.length(0);
  });

  it('speaks French with lang="fr-CA"', async () => {
    const { center, session } = platform();
    await session.setAgentState('Available');
    const chatId = await acceptChat(center, session, 'Marie Tremblay');
    await session.endChat(chatId);
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="fr-CA"><disposition-form .session=${session} chat-id=${chatId}></disposition-form></div>`,
    );
    await localeSettled();
    const form = wrapper.querySelector('disposition-form') as DispositionForm;
    await settle(form);
    expect(button(form, 'Prolonger')).to.exist;
    expect(deepQuery(form, '.time-left')?.textContent?.trim()).to.equal('Temps restant');
    expect(deepQuery(form, '.deadline-outcome')?.textContent?.trim()).to.equal(
      'À la fin du délai, le clavardage se ferme avec la disposition Follow-up needed.',
    );
  });
});

describe('<chat-workspace>: after-contact work that runs out', () => {
  it('closes the chat with the default disposition, fires wrap-up-expired (not disposition-saved) and keeps focus in the workspace', async () => {
    const { scheduler, center, session } = platform();
    const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 700px" .session=${session}></chat-workspace>`);
    await session.setAgentState('Available');
    const marie = await acceptChat(center, session, 'Marie Tremblay');
    const jean = await acceptChat(center, session, 'Jean Roy');
    session.activateChat(marie);
    await settle(element);
    await session.endChat(marie);
    await settle(element);
    const notes = deepQuery<HTMLTextAreaElement>(element, 'disposition-form textarea');
    notes?.focus();

    const expired: WrapUpExpiredDetail[] = [];
    const saved: unknown[] = [];
    element.addEventListener('wrap-up-expired', (event) => expired.push(event.detail));
    element.addEventListener('disposition-saved', (event) => saved.push(event.detail));
    await advance(scheduler, element, ACW_MS);
    await settle(element);

    expect(center.chat(marie)?.disposition).to.deep.equal({ code: 'follow-up', tags: [], notes: '' });
    expect(expired).to.deep.equal([{ chatId: marie, contact: { name: 'Marie Tremblay' }, disposition: { code: 'follow-up', tags: [], notes: '' } }]);
    expect(saved).to.deep.equal([]);
    expect(session.state.activeChatId).to.equal(jean);
    const news = element.shadowRoot?.querySelector('.visually-hidden[role="status"]');
    expect(news?.textContent?.trim()).to.equal('After-contact work for Marie Tremblay ran out: the chat was closed.');
    const focused = element.shadowRoot?.activeElement;
    expect(focused?.localName, 'focus goes to the tab of the chat now shown').to.equal('contact-tab');
    expect((focused as HTMLElement & { chatId: string }).chatId).to.equal(jean);
  });

  it('with no chat left, focus goes to the agent state', async () => {
    const { scheduler, center, session } = platform();
    const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 700px" .session=${session}></chat-workspace>`);
    await session.setAgentState('Available');
    const marie = await acceptChat(center, session, 'Marie Tremblay');
    await session.endChat(marie);
    await settle(element);
    button(element, 'Extend').focus();
    await advance(scheduler, element, ACW_MS);
    await settle(element);
    expect(element.shadowRoot?.activeElement?.localName).to.equal('agent-state-control');
  });
});
