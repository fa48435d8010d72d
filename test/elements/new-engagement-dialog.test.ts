import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { LaunchArea } from '../../src/elements/launch-area/launch-area.js';
import { draftFor, requestFromDraft } from '../../src/elements/new-engagement-dialog/engagement-draft.js';
import { NewEngagementDialog } from '../../src/elements/new-engagement-dialog/new-engagement-dialog.js';
import '../../src/index.js';
import type { SimulatedContactCenterOptions } from '../../src/index.js';
import { button, connectAgent, settle } from '../helpers.js';

if (!customElements.get('new-engagement-dialog')) customElements.define('new-engagement-dialog', NewEngagementDialog);
if (!customElements.get('launch-area')) customElements.define('launch-area', LaunchArea);

/** agent-1 in an active chat with Marie, whose email the platform knows. */
async function activeChat(options: SimulatedContactCenterOptions = {}) {
  const { center, session } = connectAgent({ engagementChannels: ['email', 'phone', 'chat'], ...options });
  await session.setAgentState('Available');
  const chatId = center.startChat({
    contact: { name: 'Marie Tremblay', email: 'marie@example.com' },
    skill: 'Billing',
    text: 'Bonjour',
  });
  await session.acceptOffer(chatId);
  return { center, session, chatId };
}

/** A page with an opener button and the dialog; the opener has focus. */
async function page(session: unknown) {
  const root = await fixture<HTMLElement>(html`
    <div>
      <button id="opener">Open</button>
      <new-engagement-dialog .session=${session}></new-engagement-dialog>
    </div>
  `);
  const dialog = root.querySelector<NewEngagementDialog>('new-engagement-dialog');
  const opener = root.querySelector<HTMLButtonElement>('#opener');
  if (!dialog || !opener) throw new Error('fixture');
  opener.focus();
  return { root, dialog, opener };
}

function field<T extends HTMLElement>(dialog: NewEngagementDialog, id: string): T {
  const found = dialog.shadowRoot?.querySelector<T>(`#${id}`);
  if (!found) throw new Error(`no #${id}`);
  return found;
}

async function type(dialog: NewEngagementDialog, id: string, text: string): Promise<void> {
  const input = field<HTMLInputElement | HTMLTextAreaElement>(dialog, id);
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await settle(dialog);
}

async function chooseLater(dialog: NewEngagementDialog): Promise<void> {
  dialog.shadowRoot?.querySelector<HTMLInputElement>('input[value="later"]')?.click();
  await settle(dialog);
}

/** A `datetime-local` value for a local time. */
function localValue(time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

describe('<new-engagement-dialog>', () => {
  afterEach(() => sinon.restore());

  it('opens as a modal with the contact pre-filled and the configured channels (R5)', async () => {
    const { session, chatId } = await activeChat();
    const { dialog, opener } = await page(session);
    expect(dialog.shadowRoot?.querySelector('dialog')?.open).to.equal(false);
    dialog.show(chatId);
    await settle(dialog);

    const native = dialog.shadowRoot?.querySelector('dialog');
    expect(native?.open).to.equal(true);
    expect(native?.matches(':modal')).to.equal(true);
    expect(dialog.open).to.equal(true);
    expect(dialog.hasAttribute('open')).to.equal(true);
    expect(native?.getAttribute('aria-labelledby')).to.equal('title');
    expect(dialog.shadowRoot?.querySelector('#title')?.textContent?.trim()).to.equal('New engagement');
    expect(field<HTMLInputElement>(dialog, 'contact-name').value).to.equal('Marie Tremblay');
    expect(field<HTMLInputElement>(dialog, 'contact-email').value).to.equal('marie@example.com');
    expect(field<HTMLInputElement>(dialog, 'contact-phone').value).to.equal('');
    const channel = field<HTMLSelectElement>(dialog, 'channel');
    expect([...channel.options].map((option) => option.value)).to.deep.equal(['email', 'phone', 'chat']);
    // Words for the agent, not the configuration's codes.
    expect([...channel.options].map((option) => option.textContent)).to.deep.equal(['Email', 'Phone call', 'Chat']);
    expect(channel.value).to.equal('email');
    expect(dialog.shadowRoot?.querySelector<HTMLInputElement>('input[value="now"]')?.checked).to.equal(true);
    expect(dialog.shadowRoot?.querySelector('#scheduled-at')).to.equal(null);
    expect(dialog.shadowRoot?.activeElement).to.equal(field(dialog, 'contact-name'));
    // Modal: the page behind is inert, focus cannot leave the dialog.
    opener.focus();
    expect(document.activeElement).to.not.equal(opener);
    await expect(dialog).to.be.accessible();
  });

  it('closes with its × button as with Cancel, and gives focus back', async () => {
    const { session, chatId } = await activeChat();
    const { dialog, opener } = await page(session);
    opener.focus();
    dialog.show(chatId);
    await settle(dialog);
    const close = dialog.shadowRoot?.querySelector<HTMLButtonElement>('[part="close-button"]');
    expect(close?.getAttribute('aria-label')).to.equal('Close');
    close?.click();
    await afterClose(dialog);
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('creates an engagement now, fires engagement-created, closes and gives focus back', async () => {
    const { center, session, chatId } = await activeChat();
    const { dialog, opener } = await page(session);
    dialog.show(chatId);
    await settle(dialog);
    const channel = field<HTMLSelectElement>(dialog, 'channel');
    channel.value = 'phone';
    channel.dispatchEvent(new Event('change'));
    await type(dialog, 'contact-phone', '+1 514 555 0100');
    await type(dialog, 'note', 'Confirm the refund');
    const created = oneEvent(dialog, 'engagement-created');
    button(dialog, 'Create engagement').click();
    const event = await created;
    const expected = {
      chatId,
      contact: { name: 'Marie Tremblay', email: 'marie@example.com', phone: '+1 514 555 0100' },
      channel: 'phone',
      note: 'Confirm the refund',
    };
    expect(event.detail).to.deep.equal(expected);
    expect(event.bubbles && event.composed).to.equal(true);
    const [engagement] = center.engagements();
    expect(engagement).to.include({ chatId, channel: 'phone', note: 'Confirm the refund', agentId: 'agent-1' });
    expect(engagement?.scheduledAt).to.equal(undefined);
    await settle(dialog);
    await afterClose(dialog);
    expect(dialog.open).to.equal(false);
    expect(dialog.shadowRoot?.querySelector('dialog')?.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('schedules a later engagement only for a time in the future', async () => {
    const { center, session, chatId } = await activeChat();
    const { dialog } = await page(session);
    dialog.show(chatId);
    await settle(dialog);
    await type(dialog, 'note', 'Kept through errors');
    await chooseLater(dialog);
    const when = field<HTMLInputElement>(dialog, 'scheduled-at');
    expect(when.type).to.equal('datetime-local');
    expect(when.labels?.[0]?.textContent?.trim()).to.equal('Date and time');

    button(dialog, 'Create engagement').click();
    await settle(dialog);
    expect(field(dialog, 'scheduled-at-error').textContent?.trim()).to.equal('Choose a date and time.');
    expect(when.getAttribute('aria-invalid')).to.equal('true');
    expect(when.getAttribute('aria-describedby')).to.equal('scheduled-at-error');
    expect(dialog.shadowRoot?.activeElement).to.equal(when);
    expect(center.engagements()).to.have.length(0);

    await type(dialog, 'scheduled-at', localValue(Date.now() - 3_600_000));
    button(dialog, 'Create engagement').click();
    await settle(dialog);
    expect(field(dialog, 'scheduled-at-error').textContent?.trim()).to.equal('Choose a time in the future.');
    expect(field<HTMLTextAreaElement>(dialog, 'note').value).to.equal('Kept through errors');
    expect(dialog.open).to.equal(true);
    await expect(dialog).to.be.accessible();

    const later = localValue(Date.now() + 2 * 3_600_000);
    await type(dialog, 'scheduled-at', later);
    expect(dialog.shadowRoot?.querySelector('#scheduled-at-error')).to.equal(null);
    const created = oneEvent(dialog, 'engagement-created');
    button(dialog, 'Create engagement').click();
    const { detail } = await created;
    expect(detail.scheduledAt).to.equal(new Date(later).getTime());
    expect(center.engagements()[0]?.scheduledAt).to.equal(new Date(later).getTime());
  });

  it('needs the contact’s name', async () => {
    const { center, session, chatId } = await activeChat();
    const { dialog } = await page(session);
    dialog.show(chatId);
    await settle(dialog);
    await type(dialog, 'contact-name', '   ');
    button(dialog, 'Create engagement').click();
    await settle(dialog);
    const name = field<HTMLInputElement>(dialog, 'contact-name');
    expect(field(dialog, 'contact-name-error').textContent?.trim()).to.equal('Enter the contact’s name.');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(dialog.shadowRoot?.activeElement).to.equal(name);
    expect(center.engagements()).to.have.length(0);
  });

  it('closes on Escape and on Cancel without creating anything, focus back on the opener', async () => {
    const { center, session, chatId } = await activeChat();
    const { dialog, opener } = await page(session);
    let created = 0;
    dialog.addEventListener('engagement-created', () => created++);

    dialog.show(chatId);
    await settle(dialog);
    await sendKeys({ press: 'Escape' });
    await afterClose(dialog);
    expect(dialog.open).to.equal(false);
    expect(dialog.hasAttribute('open')).to.equal(false);
    expect(document.activeElement).to.equal(opener);

    dialog.show(chatId);
    await settle(dialog);
    button(dialog, 'Cancel').click();
    await afterClose(dialog);
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
    expect(created).to.equal(0);
    expect(center.engagements()).to.have.length(0);
  });

  it('opens from the launch area and returns focus to its button (integration)', async () => {
    const { session, chatId } = await activeChat();
    const root = await fixture<HTMLElement>(html`
      <div>
        <launch-area .session=${session} chat-id=${chatId}></launch-area>
        <new-engagement-dialog .session=${session}></new-engagement-dialog>
      </div>
    `);
    const launch = root.querySelector('launch-area');
    const dialog = root.querySelector<NewEngagementDialog>('new-engagement-dialog');
    if (!launch || !dialog) throw new Error('fixture');
    root.addEventListener('new-engagement-requested', (event) => dialog.show((event as CustomEvent<{ chatId: string }>).detail.chatId));
    const trigger = button(launch, 'New engagement');
    trigger.focus();
    trigger.click();
    await settle(dialog);
    expect(dialog.open).to.equal(true);
    expect(field<HTMLInputElement>(dialog, 'contact-name').value).to.equal('Marie Tremblay');
    await sendKeys({ press: 'Escape' });
    await afterClose(dialog);
    expect(launch.shadowRoot?.activeElement).to.equal(trigger);
  });

  it('stays open with the agent’s input when the platform refuses', async () => {
    const { session, chatId } = await activeChat();
    const { dialog } = await page(session);
    sinon.stub(session, 'createEngagement').resolves({ ok: false, reason: 'The platform is down.' });
    dialog.show(chatId);
    await settle(dialog);
    await type(dialog, 'note', 'Do not lose me');
    button(dialog, 'Create engagement').click();
    await settle(dialog);
    await Promise.resolve();
    await settle(dialog);
    expect(dialog.shadowRoot?.querySelector('[role="alert"]')?.textContent?.trim()).to.equal(
      'The engagement could not be created. Try again.',
    );
    expect(dialog.open).to.equal(true);
    expect(field<HTMLTextAreaElement>(dialog, 'note').value).to.equal('Do not lose me');
  });

  it('takes the session from an enclosing <chat-workspace>', async () => {
    const { center, session, chatId } = await activeChat();
    const workspace = await fixture<HTMLElement>(html`
      <chat-workspace .session=${session}><new-engagement-dialog></new-engagement-dialog></chat-workspace>
    `);
    const dialog = workspace.querySelector<NewEngagementDialog>('new-engagement-dialog');
    if (!dialog) throw new Error('no dialog');
    await settle(dialog);
    expect(dialog.session).to.equal(session);
    dialog.show(chatId);
    await settle(dialog);
    expect(field<HTMLInputElement>(dialog, 'contact-name').value).to.equal('Marie Tremblay');
    const created = oneEvent(document, 'engagement-created');
    button(dialog, 'Create engagement').click();
    expect((await created).detail).to.deep.equal({
      chatId,
      contact: { name: 'Marie Tremblay', email: 'marie@example.com' },
      channel: 'email',
      note: '',
    });
    expect(center.engagements()).to.have.length(1);
  });
});

/** Waits for the native dialog's `close` event, which comes a task after it closes. */
async function afterClose(dialog: NewEngagementDialog): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await settle(dialog);
}

describe('requestFromDraft', () => {
  const now = new Date('2026-11-24T14:00:00').getTime();

  it('trims the contact, leaves out unknown details and falls back to a configured channel', () => {
    const draft = { ...draftFor({ name: '  Marie  ' }, ['sms']), email: ' ', phone: ' 555 ', channel: 'fax', note: ' as typed ' };
    expect(requestFromDraft(draft, { channels: ['email', 'sms'], now })).to.deep.equal({
      errors: [],
      request: { contact: { name: 'Marie', phone: '555' }, channel: 'email', note: ' as typed ' },
    });
  });

  it('reads a later time in the agent’s time zone and refuses the present', () => {
    const draft = { ...draftFor({ name: 'Marie' }, ['email']), timing: 'later' as const, scheduledFor: '2026-11-24T15:30' };
    const { request } = requestFromDraft(draft, { chatId: 'chat-1', channels: ['email'], now });
    expect(request?.scheduledAt).to.equal(new Date(2026, 10, 24, 15, 30).getTime());
    expect(request?.chatId).to.equal('chat-1');
    const exactlyNow = { ...draft, scheduledFor: '2026-11-24T14:00' };
    expect(requestFromDraft(exactlyNow, { channels: ['email'], now }).errors.map((error) => error.field)).to.deep.equal([
      'scheduled-at',
    ]);
  });
});
