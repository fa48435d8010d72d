import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { DispositionForm } from '../../src/elements/disposition-form/disposition-form.js';
import { isMissingDisposition, recordOf } from '../../src/elements/disposition-form/wrap-up.js';
import '../../src/index.js';
import { ChatSession, SimulatedContactCenter, type ContactCenterConnector, type SimulatedContactCenterOptions } from '../../src/index.js';
import { button, buttons, connectAgent, settle } from '../helpers.js';

if (!customElements.get('disposition-form')) customElements.define('disposition-form', DispositionForm);

const DISPOSITIONS = [
  { code: 'resolved', label: 'Resolved' },
  { code: 'follow-up', label: 'Follow-up needed' },
];

/** A center with the given configuration and agent-1 holding `count` chats that have ended. */
async function chatsInWrapUp(options: SimulatedContactCenterOptions = {}, count = 1) {
  const { center, session } = connectAgent({ maxConcurrentChats: 3, ...options });
  await session.setAgentState('Available');
  const chatIds: string[] = [];
  for (const name of ['Marie Tremblay', 'Priya Shah', 'Jean Roy'].slice(0, count)) {
    const chatId = center.startChat({ contact: { name }, skill: 'Billing', text: 'Bonjour' });
    await session.acceptOffer(chatId);
    await session.endChat(chatId);
    chatIds.push(chatId);
  }
  return { center, session, chatIds, chatId: chatIds[0] ?? '' };
}

function parts(form: DispositionForm) {
  const root = form.shadowRoot;
  if (!root) throw new Error('no shadow root');
  return {
    select: root.querySelector<HTMLSelectElement>('select'),
    checkboxes: [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')],
    notes: root.querySelector<HTMLTextAreaElement>('textarea'),
    error: root.querySelector<HTMLElement>('#disposition-error'),
  };
}

async function choose(form: DispositionForm, code: string): Promise<void> {
  const select = parts(form).select;
  if (!select) throw new Error('no disposition select');
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(form);
}

async function typeNotes(form: DispositionForm, text: string): Promise<void> {
  const notes = parts(form).notes;
  if (!notes) throw new Error('no notes');
  notes.value = text;
  notes.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await settle(form);
}

async function check(form: DispositionForm, tag: string): Promise<void> {
  const box = parts(form).checkboxes.find((candidate) => candidate.value === tag);
  if (!box) throw new Error(`no tag ${tag}`);
  box.click();
  await settle(form);
}

describe('<disposition-form>', () => {
  it('renders nothing while the chat is active', async () => {
    const { center, session } = connectAgent({ dispositions: DISPOSITIONS });
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie' }, skill: 'Billing', text: 'a' });
    await session.acceptOffer(chatId);
    const form = await fixture<DispositionForm>(html`<disposition-form .session=${session} chat-id=${chatId}></disposition-form>`);
    expect(form.shadowRoot?.children.length).to.equal(0);
    expect(buttons(form, 'Save and close')).to.have.length(0);
    await session.endChat(chatId);
    await settle(form);
    expect(button(form, 'Save and close')).to.exist;
  });

  it('records disposition, tags and notes, closes the chat and fires disposition-saved (R11)', async () => {
    const { center, session, chatId } = await chatsInWrapUp({ dispositions: DISPOSITIONS, tags: ['billing', 'vip'] });
    const form = await fixture<DispositionForm>(html`<disposition-form .session=${session} chat-id=${chatId}></disposition-form>`);
    const { select, checkboxes, notes } = parts(form);
    expect([...(select?.options ?? [])].map((option) => option.textContent?.trim())).to.deep.equal([
      'Choose a disposition',
      'Resolved',
      'Follow-up needed',
    ]);
    expect(select?.labels?.[0]?.textContent?.trim()).to.equal('Disposition');
    expect(checkboxes.map((box) => box.value)).to.deep.equal(['billing', 'vip']);
    expect(form.shadowRoot?.querySelector('fieldset legend')?.textContent?.trim()).to.equal('Tags');
    expect(notes?.labels?.[0]?.textContent?.trim()).to.equal('Notes');
    await expect(form).to.be.accessible();

    await choose(form, 'follow-up');
    await check(form, 'vip');
    await typeNotes(form, 'Call back Monday');
    const saved = oneEvent(form, 'disposition-saved');
    button(form, 'Save and close').click();
    const event = await saved;
    const record = { code: 'follow-up', tags: ['vip'], notes: 'Call back Monday' };
    expect(event.detail).to.deep.equal({ chatId, disposition: record });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(center.chat(chatId)?.disposition).to.deep.equal(record);
    expect(center.chat(chatId)?.state).to.equal('closed');
    expect(session.state.chats.some((chat) => chat.id === chatId)).to.equal(false);
    await settle(form);
    expect(buttons(form, 'Save and close')).to.have.length(0);
  });

  it('with nothing configured offers notes and Save and close only', async () => {
    const { center, session, chatId } = await chatsInWrapUp();
    const form = await fixture<DispositionForm>(html`<disposition-form .session=${session} chat-id=${chatId}></disposition-form>`);
    const { select, checkboxes, notes } = parts(form);
    expect(select).to.equal(null);
    expect(checkboxes).to.have.length(0);
    expect(form.shadowRoot?.querySelector('fieldset')).to.equal(null);
    expect(notes).to.exist;
    await expect(form).to.be.accessible();
    await typeNotes(form, 'Asked about an invoice');
    const saved = oneEvent(form, 'disposition-saved');
    button(form, 'Save and close').click();
    expect((await saved).detail.disposition).to.deep.equal({ code: '', tags: [], notes: 'Asked about an invoice' });
    expect(center.chat(chatId)?.disposition).to.deep.equal({ code: '', tags: [], notes: 'Asked about an invoice' });
  });

  it('when a disposition is required, shows an inline error, focuses the choice and keeps what was typed', async () => {
    const { center, session, chatId } = await chatsInWrapUp({
      dispositions: DISPOSITIONS,
      dispositionRequired: true,
      tags: ['billing', 'vip'],
    });
    const form = await fixture<DispositionForm>(html`<disposition-form .session=${session} chat-id=${chatId}></disposition-form>`);
    let fired = 0;
    form.addEventListener('disposition-saved', () => fired++);
    await check(form, 'billing');
    await typeNotes(form, 'Long notes the agent must not lose');
    button(form, 'Save and close').click();
    await settle(form);
    await form.updateComplete;

    const { select, checkboxes, notes, error } = parts(form);
    expect(error?.textContent?.trim()).to.equal('Choose a disposition before saving.');
    expect(select?.getAttribute('aria-invalid')).to.equal('true');
    expect(select?.getAttribute('aria-describedby')).to.equal('disposition-error');
    expect(form.shadowRoot?.activeElement).to.equal(select);
    expect(notes?.value).to.equal('Long notes the agent must not lose');
    expect(checkboxes.filter((box) => box.checked).map((box) => box.value)).to.deep.equal(['billing']);
    expect(center.chat(chatId)?.state).to.equal('ended');
    expect(fired).to.equal(0);
    await expect(form).to.be.accessible();

    await choose(form, 'resolved');
    expect(parts(form).error).to.equal(null);
    expect(parts(form).select?.hasAttribute('aria-invalid')).to.equal(false);
    const saved = oneEvent(form, 'disposition-saved');
    button(form, 'Save and close').click();
    expect((await saved).detail.disposition).to.deep.equal({
      code: 'resolved',
      tags: ['billing'],
      notes: 'Long notes the agent must not lose',
    });
  });

  it('keeps each chat’s notes when it is shown for another chat and back, or rendered anew', async () => {
    const { session, chatIds } = await chatsInWrapUp({ dispositions: DISPOSITIONS, tags: ['vip'] }, 2);
    const [first = '', second = ''] = chatIds;
    const form = await fixture<DispositionForm>(html`<disposition-form .session=${session} chat-id=${first}></disposition-form>`);
    await typeNotes(form, 'Notes for Marie');
    await choose(form, 'resolved');
    await check(form, 'vip');

    form.chatId = second;
    await settle(form);
    expect(parts(form).notes?.value).to.equal('');
    expect(parts(form).select?.value).to.equal('');
    expect(parts(form).checkboxes[0]?.checked).to.equal(false);
    await typeNotes(form, 'Notes for Priya');

    form.chatId = first;
    await settle(form);
    expect(parts(form).notes?.value).to.equal('Notes for Marie');
    expect(parts(form).select?.value).to.equal('resolved');
    expect(parts(form).checkboxes[0]?.checked).to.equal(true);

    form.remove();
    const again = await fixture<DispositionForm>(html`<disposition-form .session=${session} chat-id=${second}></disposition-form>`);
    expect(parts(again).notes?.value).to.equal('Notes for Priya');
  });

  it('takes the session from an enclosing <chat-workspace>', async () => {
    const { center, session, chatId } = await chatsInWrapUp({ dispositions: DISPOSITIONS });
    const workspace = await fixture<HTMLElement>(html`
      <chat-workspace .session=${session}><disposition-form chat-id=${chatId}></disposition-form></chat-workspace>
    `);
    const form = workspace.querySelector('disposition-form');
    if (!form) throw new Error('no form');
    await settle(form);
    expect(form.session).to.equal(session);
    await choose(form, 'resolved');
    const saved = oneEvent(document, 'disposition-saved');
    button(form, 'Save and close').click();
    expect((await saved).detail).to.deep.equal({ chatId, disposition: { code: 'resolved', tags: [], notes: '' } });
    expect(center.chat(chatId)?.state).to.equal('closed');
  });

  it('still tells the page when closing the tab took the form out of it', async () => {
    const { session, chatId } = await chatsInWrapUp();
    const wrapper = await fixture<HTMLElement>(html`<div><disposition-form .session=${session} chat-id=${chatId}></disposition-form></div>`);
    const form = wrapper.querySelector('disposition-form');
    if (!form) throw new Error('no form');
    await settle(form);
    const saved = oneEvent(wrapper, 'disposition-saved');
    button(form, 'Save and close').click();
    form.remove();
    expect((await saved).detail.chatId).to.equal(chatId);
  });

  describe('in a host form', () => {
    it('submits the record as JSON under its name', async () => {
      const { session, chatId } = await chatsInWrapUp({ dispositions: DISPOSITIONS, tags: ['billing', 'vip'] });
      const host = await fixture<HTMLFormElement>(html`
        <form><disposition-form name="wrap-up" .session=${session} chat-id=${chatId}></disposition-form></form>
      `);
      const form = host.querySelector('disposition-form');
      if (!form) throw new Error('no form');
      await settle(form);
      expect(form.form).to.equal(host);
      await choose(form, 'resolved');
      await check(form, 'vip');
      await typeNotes(form, 'Paid');
      const value = new FormData(host).get('wrap-up');
      expect(JSON.parse(String(value))).to.deep.equal({ code: 'resolved', tags: ['vip'], notes: 'Paid' });
      expect(form.value).to.deep.equal({ code: 'resolved', tags: ['vip'], notes: 'Paid' });
      expect(host.checkValidity()).to.equal(true);
    });

    it('is invalid while a required disposition is missing, and shows why', async () => {
      const { session, chatId } = await chatsInWrapUp({ dispositions: DISPOSITIONS, dispositionRequired: true });
      const host = await fixture<HTMLFormElement>(html`
        <form><disposition-form name="wrap-up" .session=${session} chat-id=${chatId}></disposition-form></form>
      `);
      const form = host.querySelector('disposition-form');
      if (!form) throw new Error('no form');
      await settle(form);
      await typeNotes(form, 'Typed first');
      expect(form.validity.valueMissing).to.equal(true);
      expect(form.validationMessage).to.equal('Choose a disposition before saving.');
      expect(host.reportValidity()).to.equal(false);
      await settle(form);
      expect(parts(form).error?.textContent?.trim()).to.equal('Choose a disposition before saving.');
      expect(parts(form).notes?.value).to.equal('Typed first');
      await choose(form, 'follow-up');
      expect(host.checkValidity()).to.equal(true);
      expect(form.validity.valid).to.equal(true);
    });

    it('clears on form reset', async () => {
      const { session, chatId } = await chatsInWrapUp({ dispositions: DISPOSITIONS, tags: ['vip'] });
      const host = await fixture<HTMLFormElement>(html`
        <form><disposition-form name="wrap-up" .session=${session} chat-id=${chatId}></disposition-form></form>
      `);
      const form = host.querySelector('disposition-form');
      if (!form) throw new Error('no form');
      await settle(form);
      await choose(form, 'resolved');
      await check(form, 'vip');
      await typeNotes(form, 'Something');
      host.reset();
      await settle(form);
      expect(session.state.work[chatId]?.wrapUp).to.deep.equal({ code: '', tags: [], notes: '' });
      expect(parts(form).notes?.value).to.equal('');
      expect(parts(form).select?.value).to.equal('');
      expect(parts(form).checkboxes[0]?.checked).to.equal(false);
    });

    it('is disabled by a disabled fieldset and then left out of the form data', async () => {
      const { session, chatId } = await chatsInWrapUp({ dispositions: DISPOSITIONS, dispositionRequired: true });
      const host = await fixture<HTMLFormElement>(html`
        <form>
          <fieldset disabled>
            <disposition-form name="wrap-up" .session=${session} chat-id=${chatId}></disposition-form>
          </fieldset>
        </form>
      `);
      const form = host.querySelector('disposition-form');
      if (!form) throw new Error('no form');
      await settle(form);
      expect(parts(form).select?.disabled).to.equal(true);
      expect(parts(form).notes?.disabled).to.equal(true);
      expect(button(form, 'Save and close').disabled).to.equal(true);
      expect(new FormData(host).has('wrap-up')).to.equal(false);
      expect(host.checkValidity()).to.equal(true);

      host.querySelector('fieldset')?.removeAttribute('disabled');
      await settle(form);
      expect(parts(form).select?.disabled).to.equal(false);
      expect(new FormData(host).has('wrap-up')).to.equal(true);
    });
  });
});

describe('<disposition-form> with messages the contact never got', () => {
  /** A chat in after-contact work whose last agent message the platform refused. */
  async function wrapUpWithUnsent() {
    const center = new SimulatedContactCenter({ dispositions: DISPOSITIONS });
    const simulated = center.connect({ id: 'agent-1', name: 'Alex Martin' });
    const connector: ContactCenterConnector = Object.assign(Object.create(simulated) as ContactCenterConnector, {
      sendMessage: () => Promise.reject(new Error('The platform is busy.')),
    });
    const session = new ChatSession(connector, { logger: { warn: () => undefined } });
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour' });
    await session.acceptOffer(chatId);
    await session.sendMessage(chatId, 'Your refund is on its way.');
    await session.endChat(chatId);
    const form = await fixture<DispositionForm>(html`<disposition-form .session=${session} chat-id=${chatId}></disposition-form>`);
    await choose(form, 'resolved');
    return { center, session, chatId, form };
  }

  it('asks before Save and close discards them, and keeps the chat when the agent says so', async () => {
    const { center, chatId, form } = await wrapUpWithUnsent();
    button(form, 'Save and close').click();
    await settle(form);
    expect(center.chat(chatId)?.state, 'nothing closed yet').to.equal('ended');
    const question = form.shadowRoot?.querySelector('[part="unsent"]');
    expect(question?.textContent).to.contain('1 message was not sent to the contact');
    expect(question?.textContent).to.contain('Your refund is on its way.');
    expect(form.shadowRoot?.activeElement?.textContent?.trim()).to.equal('Keep the chat');
    await expect(form).to.be.accessible();

    button(form, 'Keep the chat').click();
    await settle(form);
    expect(form.shadowRoot?.querySelector('[part="unsent"]')).to.equal(null);
    expect(center.chat(chatId)?.state).to.equal('ended');
  });

  it('closes with the disposition when the agent confirms', async () => {
    const { center, chatId, form } = await wrapUpWithUnsent();
    button(form, 'Save and close').click();
    await settle(form);
    button(form, 'Save and close anyway').click();
    await settle(form);
    expect(center.chat(chatId)).to.deep.include({ state: 'closed', disposition: { code: 'resolved', tags: [], notes: '' } });
  });
});

describe('recordOf', () => {
  it('records only what configuration offers, tags in configuration order', () => {
    const view = { chat: undefined, wrapUp: { code: '', tags: [], notes: '' }, dispositions: DISPOSITIONS, dispositionRequired: true, tags: ['billing', 'vip'] };
    const typed = { code: 'withdrawn', tags: ['vip', 'old', 'billing'], notes: 'n' };
    expect(recordOf(typed, view)).to.deep.equal({ code: '', tags: ['billing', 'vip'], notes: 'n' });
    expect(isMissingDisposition(typed, view)).to.equal(true);
    expect(isMissingDisposition(typed, { ...view, dispositions: [] })).to.equal(false);
  });
});
