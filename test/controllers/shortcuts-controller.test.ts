import { expect, fixture } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import {
  ShortcutsController,
  parseKeyCombo,
  type ShortcutBinding,
} from '../../src/controllers/shortcuts-controller.js';

type Action = 'save' | 'help';

/** A host with a text field inside its shadow root, recording what its shortcuts ran. */
class ShortcutsHost extends LitElement {
  overrides: Partial<Record<Action, ShortcutBinding>> | false | null = {};
  ran: Action[] = [];
  warnings: string[] = [];
  readonly keys = new ShortcutsController<Action>(this, {
    defaults: { save: 'Alt+Shift+S', help: 'Alt+Shift+H' },
    overrides: () => this.overrides,
    run: (action) => this.ran.push(action),
    logger: { warn: (message: string) => this.warnings.push(message) },
  });

  override render() {
    return html`<input aria-label="Notes" />`;
  }
}
customElements.define('shortcuts-host', ShortcutsHost);

function key(target: EventTarget, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

async function host() {
  const element = await fixture<ShortcutsHost>(html`<shortcuts-host></shortcuts-host>`);
  const input = element.shadowRoot?.querySelector('input');
  if (!input) throw new Error('no input');
  return { element, input };
}

describe('ShortcutsController', () => {
  it('reads combinations: letters and digits as key positions, codes as they are, modifiers in any case', () => {
    expect(parseKeyCombo('Alt+Shift+o')).to.deep.equal({ code: 'KeyO', alt: true, shift: true, ctrl: false, meta: false });
    expect(parseKeyCombo('ctrl + 1')).to.deep.equal({ code: 'Digit1', alt: false, shift: false, ctrl: true, meta: false });
    expect(parseKeyCombo('Option+Shift+ArrowDown')?.code).to.equal('ArrowDown');
    expect(parseKeyCombo('Cmd+Slash')).to.include({ code: 'Slash', meta: true });
    for (const wrong of ['', 'Alt+', 'Hyper+K', 'Alt+Alt+K', 'Alt+é', 'Alt+Shift+?']) {
      expect(parseKeyCombo(wrong), wrong).to.equal(undefined);
    }
  });

  it('runs the action of a matching key pressed anywhere inside the host, and takes the key', async () => {
    const { element, input } = await host();
    const event = key(input, { code: 'KeyS', key: 'Í', altKey: true, shiftKey: true });
    expect(element.ran).to.deep.equal(['save']);
    expect(event.defaultPrevented, 'no character typed').to.equal(true);
  });

  it('matches by position and exact modifiers: AltGr (Ctrl+Alt), a missing Shift, repeats and taken keys do nothing', async () => {
    const { element, input } = await host();
    key(input, { code: 'KeyS', key: 'S', altKey: true, shiftKey: true, ctrlKey: true });
    key(input, { code: 'KeyS', key: 's', altKey: true });
    key(input, { code: 'KeyS', key: 'S', altKey: true, shiftKey: true, repeat: true });
    const taken = new KeyboardEvent('keydown', { code: 'KeyS', altKey: true, shiftKey: true, bubbles: true, composed: true, cancelable: true });
    input.addEventListener('keydown', (event) => event.preventDefault(), { once: true });
    input.dispatchEvent(taken);
    key(input, { code: 'KeyS', key: 'S', altKey: true, shiftKey: true, isComposing: true });
    expect(element.ran).to.deep.equal([]);
  });

  it('takes the overrides, turns actions off, and reports a wrong or clashing combination once', async () => {
    const { element, input } = await host();
    element.overrides = { save: 'Alt+Shift+K', help: false };
    key(input, { code: 'KeyS', altKey: true, shiftKey: true });
    key(input, { code: 'KeyH', altKey: true, shiftKey: true });
    key(input, { code: 'KeyK', altKey: true, shiftKey: true });
    expect(element.ran).to.deep.equal(['save']);

    element.overrides = { save: 'Alt+Shift+H', help: 'Alt+Shift+H' };
    expect(element.keys.bindings.map((binding) => binding.action)).to.deep.equal(['save']);
    element.overrides = { save: 'Shift+Alt+?' };
    expect(element.keys.bindings.map((binding) => binding.action)).to.deep.equal(['help']);
    void element.keys.bindings;
    expect(element.warnings).to.have.length(2);
    expect(element.warnings[0]).to.contain('already the shortcut for save');
    expect(element.warnings[1]).to.contain('"Shift+Alt+?" is not a key combination');

    element.overrides = false;
    expect(element.keys.bindings).to.deep.equal([]);
    expect(element.keys.comboFor('help')).to.equal(undefined);
  });

  it('stops listening when the host leaves the page', async () => {
    const { element, input } = await host();
    element.remove();
    key(input, { code: 'KeyS', altKey: true, shiftKey: true });
    expect(element.ran).to.deep.equal([]);
  });
});
