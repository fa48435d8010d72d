/**
 * Plain HTML host: the element written in the page's markup or created with
 * `document.createElement`, `session` set as a property, `chat-accepted` heard with
 * addEventListener, as in the README's "Use it in a page".
 */
import { expect } from '@open-wc/testing';
import type { ChatAcceptedDetail, ChatWorkspace } from '../../src/index.js';
import { button, connectAgent, settle } from '../helpers.js';

/** Drives one offer through the simulator, clicks Accept, and returns what the page heard. */
async function acceptAnOffer(workspace: ChatWorkspace, { center, session }: ReturnType<typeof connectAgent>) {
  const received: HTMLElementEventMap['chat-accepted'][] = [];
  const first = new Promise<void>((resolve) =>
    workspace.addEventListener('chat-accepted', (event) => {
      received.push(event);
      resolve();
    }),
  );
  workspace.session = session;
  await settle(workspace);

  await session.setAgentState('Available');
  const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
  await settle(workspace);
  button(workspace, 'Accept').click();
  await first;
  await settle(workspace);
  return { chatId, received };
}

describe('Plain HTML host', () => {
  let page: HTMLElement;

  beforeEach(() => {
    page = document.createElement('main');
    document.body.append(page);
  });

  afterEach(() => page.remove());

  it('works from markup: <chat-workspace> in the page, then the session property', async () => {
    page.innerHTML = '<chat-workspace id="workspace"></chat-workspace>';
    const workspace = page.querySelector<ChatWorkspace>('#workspace');
    if (!workspace) throw new Error('no #workspace');
    const agent = connectAgent();

    const { chatId, received } = await acceptAnOffer(workspace, agent);

    expect(received).to.have.length(1);
    const detail: ChatAcceptedDetail = received[0].detail;
    expect(detail).to.deep.equal({ chatId, contact: { name: 'Marie Tremblay' }, skill: 'Billing' });
    agent.session.dispose();
  });

  it('works from document.createElement', async () => {
    const workspace = document.createElement('chat-workspace');
    page.append(workspace);
    const agent = connectAgent();

    const { chatId, received } = await acceptAnOffer(workspace, agent);

    expect(received.map((event) => event.detail)).to.deep.equal([
      { chatId, contact: { name: 'Marie Tremblay' }, skill: 'Billing' },
    ]);
    agent.session.dispose();
  });
});
