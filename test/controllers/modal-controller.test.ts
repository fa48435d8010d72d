import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ModalController, focusTargetAround } from '../../src/controllers/modal-controller.js';

/** A dialog element as small as can be: its `open` property drives the controller. */
class ModalTestHost extends LitElement {
  @property({ type: Boolean }) open = false;
  closes = 0;

  readonly modal = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector('dialog'),
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('#fallback'),
    onClose: () => {
      this.open = false;
      this.closes++;
    },
  });

  override render() {
    return html`
      <button id="fallback">Fallback</button>
      <dialog aria-label="Test dialog">
        <p>Some text</p>
        <button id="close" @click=${() => (this.open = false)}>Close</button>
        <input id="first" aria-label="First" />
        <input id="second" aria-label="Second" />
      </dialog>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open) this.modal.open();
    else this.modal.close();
  }
}
customElements.define('modal-test-host', ModalTestHost);

async function page() {
  const root = await fixture<HTMLDivElement>(html`
    <div>
      <button id="opener">Open</button>
      <modal-test-host></modal-test-host>
    </div>
  `);
  const opener = root.querySelector<HTMLButtonElement>('#opener');
  const host = root.querySelector<ModalTestHost>('modal-test-host');
  if (!opener || !host) throw new Error('fixture');
  const dialog = host.shadowRoot?.querySelector('dialog');
  if (!dialog) throw new Error('no dialog');
  const inside = (id: string) => host.shadowRoot?.getElementById(id) ?? null;
  return { root, opener, host, dialog, inside };
}

async function openFrom(element: HTMLElement | undefined, host: ModalTestHost): Promise<void> {
  element?.focus();
  host.open = true;
  await host.updateComplete;
}

describe('ModalController', () => {
  it('opens the dialog as a modal with focus in its first field', async () => {
    const { opener, host, dialog, inside } = await page();
    expect(host.modal.isOpen).to.equal(false);
    await openFrom(opener, host);
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal'), 'shown with showModal()').to.equal(true);
    expect(host.modal.isOpen).to.equal(true);
    expect(host.shadowRoot?.activeElement, 'the first field, not the button before it').to.equal(inside('first'));
  });

  it('closes on Escape, tells the host, and gives focus back to the element that opened it', async () => {
    const { opener, host, dialog } = await page();
    await openFrom(opener, host);
    await sendKeys({ press: 'Escape' });
    await host.modal.whenClosed();
    expect(dialog.open).to.equal(false);
    expect(host.modal.isOpen).to.equal(false);
    expect(host.closes).to.equal(1);
    expect(host.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('gives focus back on close() as well, by the time whenClosed() resolves', async () => {
    const { opener, host, inside } = await page();
    await openFrom(opener, host);
    inside('close')?.click();
    await host.updateComplete;
    await host.modal.whenClosed();
    expect(host.modal.isOpen).to.equal(false);
    expect(host.closes).to.equal(1);
    expect(document.activeElement).to.equal(opener);
  });

  it('keeps the first element to go back to when opened again while open', async () => {
    const { opener, host, inside } = await page();
    await openFrom(opener, host);
    inside('second')?.focus();
    host.modal.open();
    host.modal.close();
    await host.modal.whenClosed();
    expect(document.activeElement).to.equal(opener);
  });

  it('gives focus to the element named by open(returnFocusTo)', async () => {
    const { root, opener, host } = await page();
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'Elsewhere';
    root.append(elsewhere);
    opener.focus();
    host.modal.open(elsewhere);
    host.modal.close();
    await host.modal.whenClosed();
    expect(document.activeElement).to.equal(elsewhere);
  });

  it('gives focus to a control near where the opener was when the opener is gone', async () => {
    const root = await fixture<HTMLDivElement>(html`
      <div>
        <div role="toolbar" aria-label="Actions">
          <span>Chat with Marie</span>
          <button id="opener">Open</button>
          <button id="sibling">Other action</button>
        </div>
        <modal-test-host></modal-test-host>
      </div>
    `);
    const opener = root.querySelector<HTMLButtonElement>('#opener');
    const host = root.querySelector<ModalTestHost>('modal-test-host');
    if (!opener || !host) throw new Error('fixture');
    await openFrom(opener, host);
    opener.remove();
    await sendKeys({ press: 'Escape' });
    await host.modal.whenClosed();
    expect(document.activeElement).to.equal(root.querySelector('#sibling'));
  });

  it('falls back to the host’s target when nothing is left near the opener, never to the page', async () => {
    const { opener, host, inside } = await page();
    await openFrom(opener, host);
    opener.remove();
    await sendKeys({ press: 'Escape' });
    await host.modal.whenClosed();
    expect(document.activeElement).to.equal(host);
    expect(host.shadowRoot?.activeElement).to.equal(inside('fallback'));
  });

  it('closes when the host leaves the page while open', async () => {
    const { root, opener, host, dialog } = await page();
    await openFrom(opener, host);
    const closed = host.modal.whenClosed();
    host.remove();
    await closed;
    expect(dialog.open).to.equal(false);
    expect(host.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
    root.append(host);
  });
});

describe('focusTargetAround', () => {
  it('finds the first control that can take focus in the closest container that has one', async () => {
    const root = await fixture<HTMLDivElement>(html`
      <div>
        <span>Text</span>
        <button disabled>Disabled</button>
        <button hidden>Hidden</button>
        <button tabindex="-1">Out of the tab order</button>
        <div><modal-test-host></modal-test-host></div>
        <button id="near">Near</button>
      </div>
    `);
    const host = root.querySelector('modal-test-host');
    if (!host) throw new Error('fixture');
    expect(focusTargetAround(host)).to.equal(root.querySelector('#near'));
  });

  it('looks through shadow roots, and leaves the element itself out', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><div id="outer"></div></div>`);
    const outer = root.querySelector('#outer');
    const shadow = outer?.attachShadow({ mode: 'open' });
    if (!shadow) throw new Error('fixture');
    const panel = document.createElement('div');
    const inner = document.createElement('button');
    inner.textContent = 'Inner';
    panel.append(inner);
    const host = document.createElement('modal-test-host');
    shadow.append(host, panel);
    await (host as ModalTestHost).updateComplete;
    expect(focusTargetAround(host), 'not the fallback button inside the element').to.equal(inner);
  });

  it('never offers the page body', async () => {
    const host = await fixture<ModalTestHost>(html`<modal-test-host></modal-test-host>`);
    expect(focusTargetAround(host), 'nothing around it but the body').to.equal(undefined);
  });
});
