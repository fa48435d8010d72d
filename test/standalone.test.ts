import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

// The built standalone file, as a page without a bundler loads it: its entry, then its
// chunks on demand. This page imports nothing from src/ (not test/helpers.ts), so every
// element here comes from the build: none is registered before the file says so.

interface StandaloneModule {
  ChatSession: new (connector: unknown, options?: object) => {
    setAgentState(state: string): Promise<unknown>;
    acceptOffer(chatId: string): Promise<unknown>;
    dispose(): void;
    state: { chats: { id: string; status: string }[] };
  };
  loadElement(tag: string): Promise<CustomElementConstructor>;
  currentLocale(): string;
}
interface SimulatorModule {
  SimulatedContactCenter: new (options?: object) => {
    connect(agent: { id: string; name: string }): unknown;
    startChat(request: { contact: { name: string }; skill: string; text: string }): string;
  };
}

/** The focused element, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The first element matching `selector` below `root`, through shadow roots. */
function deepQuery<T extends Element>(root: Element | ShadowRoot, selector: string): T | undefined {
  const found = root.querySelector<T>(selector);
  if (found) return found;
  const hosts = [...(root instanceof Element ? [root] : []), ...Array.from(root.querySelectorAll('*'))];
  for (const element of hosts) {
    const inside = element.shadowRoot ? deepQuery<T>(element.shadowRoot, selector) : undefined;
    if (inside) return inside;
  }
  return undefined;
}

/** The first `selector` match inside the shadow root of the first `tag` below `root`. */
const inside = <T extends Element>(root: Element, tag: string, selector: string) =>
  deepQuery(root, tag)?.shadowRoot?.querySelector<T>(selector) ?? undefined;

async function altShift(code: string): Promise<void> {
  await sendKeys({ down: 'Alt' });
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: code });
  await sendKeys({ up: 'Shift' });
  await sendKeys({ up: 'Alt' });
}

describe('the standalone file, as built', () => {
  let standalone: StandaloneModule;
  let simulator: SimulatorModule;

  before(async function () {
    this.timeout(180000);
    let answer: { standaloneBuild: string } | { pending: true };
    do answer = await executeServerCommand<{ standaloneBuild: string } | { pending: true }, undefined>('package-contents');
    while ('pending' in answer);
    standalone = (await import(/* @vite-ignore */ `${answer.standaloneBuild}/standalone.min.js`)) as StandaloneModule;
    simulator = (await import(/* @vite-ignore */ `${answer.standaloneBuild}/standalone/simulator.min.js`)) as SimulatorModule;
  });

  it('registers the workspace at once, and the rest when first needed: French on the first render, the chat once Available, a dialog with focus in it, the after-contact form', async function () {
    this.timeout(20000);
    expect(customElements.get('chat-workspace'), 'the workspace').to.be.a('function');
    expect(customElements.get('contact-tab'), 'a chat part, before any chat').to.equal(undefined);
    expect(customElements.get('transfer-dialog'), 'a dialog, before it opens').to.equal(undefined);

    const center = new simulator.SimulatedContactCenter();
    const session = new standalone.ChatSession(center.connect({ id: 'agent-1', name: 'Alex Martin' }), { logger: { warn: () => undefined } });
    const workspace = document.createElement('chat-workspace') as HTMLElement & {
      session: unknown;
      updateComplete: Promise<unknown>;
    };
    workspace.setAttribute('lang', 'fr-CA');
    workspace.session = session;
    document.body.append(workspace);
    await workspace.updateComplete;
    // The first render waited for the French catalogue: never English first.
    expect(standalone.currentLocale()).to.equal('fr-CA');
    await waitUntil(() => deepQuery(workspace, 'select'), 'the agent state');
    expect(deepQuery(workspace, 'select')?.getAttribute('aria-label')).to.equal("État de l'agent");

    workspace.removeAttribute('lang');
    await waitUntil(() => standalone.currentLocale() === 'en');
    await session.setAgentState('Available');
    await waitUntil(() => customElements.get('offer-prompt') && customElements.get('contact-tab'), 'the chat parts load once Available');

    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await waitUntil(() => inside(workspace, 'offer-prompt', 'button'), 'the offer shows');
    await session.acceptOffer(chatId);
    await waitUntil(() => inside(workspace, 'chat-composer', 'textarea'), 'the chat shows');
    inside<HTMLTextAreaElement>(workspace, 'chat-composer', 'textarea')?.focus();

    // The shortcut opens the dialog it loads, and focus moves into it.
    await altShift('KeyX');
    await waitUntil(() => focused()?.closest('dialog') && deepQuery(workspace, 'transfer-dialog'), 'focus in the transfer dialog', { timeout: 5000 });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !inside(workspace, 'transfer-dialog', 'dialog[open]'), 'the dialog closed');

    // End chat, twice: the after-contact form (loaded while the chat was open) takes the focus.
    await altShift('KeyE');
    await altShift('KeyE');
    await waitUntil(() => session.state.chats.find((chat) => chat.id === chatId)?.status === 'ended', 'the chat ended');
    await waitUntil(() => deepQuery(workspace, 'disposition-form')?.matches(':focus-within'), 'focus in the after-contact form', { timeout: 5000 });

    expect((await standalone.loadElement('new-engagement-dialog')) === customElements.get('new-engagement-dialog')).to.equal(true);
    session.dispose();
    workspace.remove();
  });
});
