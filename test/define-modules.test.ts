import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { TAGS } from './support/element-tags.js';

// Each test file runs in a page of its own. This one imports nothing that registers an
// element (not test/helpers.ts, which imports the package), so each test below sees what
// its define module registered, and nothing else.

const registered = () => TAGS.filter((tag) => customElements.get(tag) !== undefined);

/** Every element below `root`, through shadow roots. */
function deepElements(root: Element | ShadowRoot): Element[] {
  return Array.from(root.children).flatMap((child) => [
    child,
    ...(child.shadowRoot ? deepElements(child.shadowRoot) : []),
    ...deepElements(child),
  ]);
}

describe('the per-element define modules', () => {
  it('register their one element: a leaf registers itself and nothing else', async () => {
    const { ContactTab } = await import('../src/classes.js');
    expect(registered(), 'before').to.deep.equal([]);

    await import('../src/define/contact-tab.js');
    expect(customElements.get('contact-tab')).to.equal(ContactTab);
    expect(registered()).to.deep.equal(['contact-tab']);
  });

  it('register with <chat-workspace> every element it renders, so it works from that one import', async () => {
    const { ChatSession, ChatWorkspace, SimulatedContactCenter } = await import('../src/classes.js');
    await import('../src/define/chat-workspace.js');
    expect(customElements.get('chat-workspace')).to.equal(ChatWorkspace);
    expect(registered()).to.have.members(TAGS);

    // A workspace with an active chat: every custom element it renders is upgraded.
    const center = new SimulatedContactCenter();
    const session = new ChatSession(center.connect({ id: 'agent-1', name: 'Alex Martin' }), {
      logger: { warn: () => undefined },
    });
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await session.acceptOffer(chatId);
    const workspace = await fixture<InstanceType<typeof ChatWorkspace>>(html`<chat-workspace .session=${session}></chat-workspace>`);
    await waitUntil(() => deepElements(workspace.shadowRoot ?? workspace).some((element) => element.localName === 'chat-composer'));
    const rendered = deepElements(workspace.shadowRoot ?? workspace).filter((element) => element.localName.includes('-'));
    expect(rendered.map((element) => element.localName)).to.include.members(['contact-tab', 'chat-actions', 'chat-composer']);
    expect(rendered.filter((element) => !element.matches(':defined')).map((element) => element.localName)).to.deep.equal([]);
    session.dispose();
  });
});
