import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { FocusGroupController, type FocusGroupOptions } from '../../src/controllers/focus-group-controller.js';

/** A host that renders its items in its shadow root, between two other focusable controls. */
class GroupHost extends LitElement {
  static override properties = { labels: { attribute: false }, selected: {}, disabled: { attribute: false } };
  labels: string[] = ['One', 'Two', 'Three', 'Four'];
  selected = 'Two';
  disabled: string[] = [];

  constructor(options: Partial<FocusGroupOptions<HTMLElement>> = {}) {
    super();
    new FocusGroupController<HTMLElement>(this, {
      items: () => Array.from(this.renderRoot.querySelectorAll('[role="tab"]')),
      ...options,
    });
  }

  override render() {
    return html`
      <input aria-label="Filter" />
      <div role="tablist" aria-label="Items">
        ${repeat(
          this.labels,
          (label) => label,
          (label) => html`<button
            role="tab"
            aria-selected=${label === this.selected}
            aria-disabled=${this.disabled.includes(label) ? 'true' : 'false'}
          >
            ${label}
          </button>`,
        )}
      </div>
    `;
  }
}

let hostCount = 0;
/** A fresh tag for each set of options, so each test builds its own controller. */
function hostTag(options: Partial<FocusGroupOptions<HTMLElement>> = {}): string {
  const tag = `focus-group-host-${++hostCount}`;
  customElements.define(
    tag,
    class extends GroupHost {
      constructor() {
        super(options);
      }
    },
  );
  return tag;
}

async function groupWith(options: Partial<FocusGroupOptions<HTMLElement>> = {}) {
  const tag = hostTag(options);
  const wrapper = await fixture<HTMLElement>(`<div><button>Before</button><${tag}></${tag}><button>After</button></div>`);
  const host = wrapper.querySelector(tag) as GroupHost;
  await host.updateComplete;
  return { wrapper, host };
}

function items(host: GroupHost): HTMLButtonElement[] {
  return Array.from(host.shadowRoot?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? []);
}

function item(host: GroupHost, label: string): HTMLButtonElement {
  const found = items(host).find((candidate) => candidate.textContent?.trim() === label);
  if (!found) throw new Error(`No item ${label}`);
  return found;
}

/** The label of the focused item, through the host's shadow root. */
function focusedLabel(host: GroupHost): string | undefined {
  return host.shadowRoot?.activeElement?.textContent?.trim();
}

function tabStops(host: GroupHost): string[] {
  return items(host)
    .filter((candidate) => candidate.tabIndex === 0)
    .map((candidate) => candidate.textContent?.trim() ?? '');
}

/** Presses a key on the focused element; answers whether the group took it (default prevented). */
function press(host: GroupHost, key: string, init: KeyboardEventInit = {}): boolean {
  const target = host.shadowRoot?.activeElement ?? host;
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('FocusGroupController', () => {
  it('gives the current (selected) item the only tab stop, without taking focus', async () => {
    const { host } = await groupWith();
    expect(tabStops(host)).to.deep.equal(['Two']);
    expect(items(host).filter((candidate) => candidate.tabIndex === -1)).to.have.length(3);
    expect(document.activeElement).to.equal(document.body);
  });

  it('falls back to the first item when none is current', async () => {
    const { host } = await groupWith();
    host.selected = '';
    await host.updateComplete;
    expect(tabStops(host)).to.deep.equal(['One']);
  });

  it('follows a custom isCurrent', async () => {
    const { host } = await groupWith({ isCurrent: (candidate) => candidate.textContent?.trim() === 'Four' });
    expect(tabStops(host)).to.deep.equal(['Four']);
  });

  it('moves focus with ArrowDown and ArrowUp, wrapping at both ends, and roves the tab stop', async () => {
    const { host } = await groupWith();
    item(host, 'Two').focus();
    expect(press(host, 'ArrowDown')).to.equal(true);
    expect(focusedLabel(host)).to.equal('Three');
    expect(tabStops(host)).to.deep.equal(['Three']);
    press(host, 'ArrowDown');
    press(host, 'ArrowDown');
    expect(focusedLabel(host), 'wraps to the first').to.equal('One');
    press(host, 'ArrowUp');
    expect(focusedLabel(host), 'wraps to the last').to.equal('Four');
    expect(tabStops(host)).to.deep.equal(['Four']);
  });

  it('goes to the first and last item with Home and End', async () => {
    const { host } = await groupWith();
    item(host, 'Two').focus();
    press(host, 'End');
    expect(focusedLabel(host)).to.equal('Four');
    press(host, 'Home');
    expect(focusedLabel(host)).to.equal('One');
    expect(tabStops(host)).to.deep.equal(['One']);
  });

  it('stops at the ends when wrap is off', async () => {
    const { host } = await groupWith({ wrap: false });
    item(host, 'Four').focus();
    press(host, 'ArrowDown');
    expect(focusedLabel(host)).to.equal('Four');
    item(host, 'One').focus();
    press(host, 'ArrowUp');
    expect(focusedLabel(host)).to.equal('One');
  });

  it('uses Left and Right when horizontal, and leaves Up and Down alone', async () => {
    const { host } = await groupWith({ direction: 'horizontal' });
    item(host, 'Two').focus();
    expect(press(host, 'ArrowDown')).to.equal(false);
    expect(focusedLabel(host)).to.equal('Two');
    press(host, 'ArrowRight');
    expect(focusedLabel(host)).to.equal('Three');
    press(host, 'ArrowLeft');
    press(host, 'ArrowLeft');
    expect(focusedLabel(host)).to.equal('One');
  });

  it('reverses Left and Right in a right-to-left page', async () => {
    const { host } = await groupWith({ direction: 'horizontal' });
    host.setAttribute('dir', 'rtl');
    item(host, 'Two').focus();
    press(host, 'ArrowLeft');
    expect(focusedLabel(host)).to.equal('Three');
  });

  it('leaves Left and Right alone when vertical', async () => {
    const { host } = await groupWith();
    item(host, 'Two').focus();
    expect(press(host, 'ArrowRight')).to.equal(false);
    expect(focusedLabel(host)).to.equal('Two');
  });

  it('skips items that cannot take focus', async () => {
    const { host } = await groupWith();
    host.disabled = ['Three'];
    await host.updateComplete;
    item(host, 'Two').focus();
    press(host, 'ArrowDown');
    expect(focusedLabel(host)).to.equal('Four');
    expect(item(host, 'Three').tabIndex).to.equal(-1);
  });

  it('ignores keys with modifiers, keys already handled, and keys outside the items', async () => {
    const { host } = await groupWith();
    item(host, 'Two').focus();
    expect(press(host, 'ArrowDown', { altKey: true })).to.equal(false);
    expect(press(host, 'ArrowDown', { ctrlKey: true })).to.equal(false);
    expect(focusedLabel(host)).to.equal('Two');

    const handled = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true, cancelable: true });
    handled.preventDefault();
    item(host, 'Two').dispatchEvent(handled);
    expect(focusedLabel(host)).to.equal('Two');

    const input = host.shadowRoot?.querySelector('input');
    input?.focus();
    expect(press(host, 'ArrowDown')).to.equal(false);
    expect(press(host, 'Home')).to.equal(false);
    expect(host.shadowRoot?.activeElement).to.equal(input);
  });

  it('puts the tab stop on an item focused by a click, and back on the current item when focus leaves', async () => {
    const { wrapper, host } = await groupWith();
    item(host, 'Four').focus();
    expect(tabStops(host)).to.deep.equal(['Four']);
    wrapper.querySelector<HTMLButtonElement>('button:last-of-type')?.focus();
    expect(tabStops(host)).to.deep.equal(['Two']);
    item(host, 'One').focus();
    host.shadowRoot?.querySelector('input')?.focus();
    expect(tabStops(host), 'focus on another control of the host').to.deep.equal(['Two']);
  });

  it('keeps one tab stop as items come and go, and never moves focus by itself', async () => {
    const { host } = await groupWith();
    host.labels = [...host.labels, 'Five', 'Six'];
    await host.updateComplete;
    expect(tabStops(host)).to.deep.equal(['Two']);
    expect(item(host, 'Six').tabIndex).to.equal(-1);

    item(host, 'Five').focus();
    host.labels = ['Zero', ...host.labels];
    await host.updateComplete;
    expect(tabStops(host), 'the focused item keeps the tab stop').to.deep.equal(['Five']);
    expect(focusedLabel(host)).to.equal('Five');

    // The focused item leaves: focus is not moved, the current item gets the tab stop.
    host.labels = host.labels.filter((label) => label !== 'Five');
    await host.updateComplete;
    expect(tabStops(host)).to.deep.equal(['Two']);
    expect(focusedLabel(host)).to.equal(undefined);

    host.labels = host.labels.filter((label) => label !== 'Two');
    await host.updateComplete;
    expect(tabStops(host), 'current item gone: the first one').to.deep.equal(['Zero']);
  });

  it('works for items in the light DOM, synced on demand', async () => {
    let controller: FocusGroupController<HTMLElement> | undefined;
    const tag = `focus-group-light-${++hostCount}`;
    customElements.define(
      tag,
      class extends LitElement {
        constructor() {
          super();
          controller = new FocusGroupController<HTMLElement>(this, { items: () => Array.from(this.children) as HTMLElement[] });
        }

        override render() {
          return html`<slot></slot>`;
        }
      },
    );
    const host = await fixture<LitElement>(
      `<${tag} role="listbox" aria-label="Light"><div role="option" aria-selected="false">A</div><div role="option" aria-selected="true">B</div></${tag}>`,
    );
    const [first, second] = Array.from(host.children) as HTMLElement[];
    expect(second?.tabIndex).to.equal(0);
    expect(first?.tabIndex).to.equal(-1);

    const third = document.createElement('div');
    third.setAttribute('role', 'option');
    third.textContent = 'C';
    host.append(third);
    controller?.sync();
    expect(third.tabIndex).to.equal(-1);

    second?.focus();
    second?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true, cancelable: true }));
    expect(document.activeElement).to.equal(third);
    expect(third.tabIndex).to.equal(0);
  });

  it('stops listening when the host leaves the page', async () => {
    const { host } = await groupWith();
    const tab = item(host, 'Two');
    host.remove();
    const event = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true, cancelable: true });
    tab.dispatchEvent(event);
    expect(event.defaultPrevented).to.equal(false);
  });

  it('leaves a tablist that passes axe', async () => {
    const { host } = await groupWith();
    await expect(host).to.be.accessible();
  });
});
