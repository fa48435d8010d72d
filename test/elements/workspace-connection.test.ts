import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChatSession, type ChatWorkspace, type ConnectorEvent } from '../../src/index.js';
import { DEFAULT_CONFIGURATION } from '../../src/protocol/types.js';
import { connectorOverFakeSockets, type FakeSocket } from '../connectors/fake-socket.js';
import { ManualScheduler } from '../support/manual-scheduler.js';
import { button, deepQuery, deepText, settle } from '../helpers.js';

const AGENT = { id: 'agent-1', name: 'Alex Martin' };
const T0 = Date.UTC(2026, 10, 30, 14, 0, 0);
const v = 1;

/** A workspace over a WebSocketConnector whose server the test plays, with one chat and one transferred offer. */
async function workspaceOverNetwork() {
  const scheduler = new ManualScheduler(T0);
  const { connector, sockets } = connectorOverFakeSockets(scheduler);
  const session = new ChatSession(connector, { scheduler, storage: null, logger: { warn: () => undefined } });
  const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 720px" .session=${session}></chat-workspace>`);
  const socket = sockets[0] as FakeSocket;
  socket.open();
  socket.frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq: 2 });
  const events: ConnectorEvent[] = [
    { type: 'configuration', configuration: DEFAULT_CONFIGURATION },
    { type: 'agent-state', state: 'Available' },
    {
      type: 'chat-assigned',
      chat: { id: 'chat-1', contact: { name: 'Marie Tremblay' }, skill: 'Billing', messages: [{ id: 'm1', from: 'contact', text: 'Bonjour!', at: T0 }] },
    },
    {
      type: 'chat-offered',
      timeoutMs: 45_000,
      chat: {
        id: 'chat-2',
        contact: { name: 'Jean Roy' },
        skill: 'Technical Support',
        messages: [{ id: 'm2', from: 'contact', text: 'My modem restarts.', at: T0 }],
        transfers: [{ fromAgentName: 'Sam Rivera', toName: 'Alex Martin', note: 'He already rebooted twice.', at: T0 }],
      },
    },
  ];
  socket.frame({ v, type: 'snapshot', seq: 2, events });
  await settle(element);
  return { element, session, sockets, scheduler };
}

function connectionLine(element: ChatWorkspace): HTMLElement {
  const line = deepQuery<HTMLElement>(element, '[part="connection"]');
  if (!line) throw new Error('No connection line');
  return line;
}

describe('<chat-workspace> when the connection drops', () => {
  it('says so in a status line, keeps the composer working, and holds Accept, Transfer and End with the reason', async () => {
    const { element, session, sockets, scheduler } = await workspaceOverNetwork();
    expect(connectionLine(element).querySelector('[role="status"]')).not.to.equal(null);
    expect(deepText(connectionLine(element)).trim()).to.equal('');

    sockets[0]?.drop();
    await settle(element);
    expect(deepText(connectionLine(element))).to.contain('Reconnecting to the contact center…');
    expect(deepText(connectionLine(element))).to.contain('The connection to the contact center was interrupted.');

    for (const name of ['Accept', 'Reject', 'Transfer', 'End chat']) {
      expect(button(element, name).getAttribute('aria-disabled'), name).to.equal('true');
    }
    button(element, 'Accept').click();
    button(element, 'End chat').click();
    await settle(element);
    expect(session.state.offers[0]?.status).to.equal('pending');
    expect(deepText(element)).to.contain('Transfer and End chat wait for the connection.');
    expect(deepText(element)).to.contain('Waiting for the connection to answer.');

    // The agent keeps typing and pressing Enter: the message waits, visibly.
    const box = deepQuery<HTMLTextAreaElement>(element, 'textarea[aria-label="Message"]');
    box?.focus();
    await sendKeys({ type: 'Still here' });
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(session.state.chats[0]?.messages.at(-1)).to.include({ text: 'Still here', delivery: 'sending' });
    expect(deepText(element)).to.contain('Sending…');
    await expect(element).to.be.accessible();

    scheduler.advance(5_000);
    sockets[1]?.open();
    sockets[1]?.frame({ v, type: 'welcome', agent: AGENT, stream: 's1', seq: 2 });
    await settle(element);
    expect(deepText(connectionLine(element)).trim()).to.equal('');
    expect(button(element, 'Accept').hasAttribute('aria-disabled')).to.equal(false);
    expect(sockets[1]?.sentOfType('command').map((frame) => (frame.command as { text?: string }).text)).to.deep.equal([
      'Still here',
    ]);
    session.dispose();
  });

  it('shows who transferred an offer and their note before Accept', async () => {
    const { element, session } = await workspaceOverNetwork();
    const offer = deepQuery<HTMLElement>(element, '[part="transfer"]');
    expect(offer?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Transferred by Sam Rivera: He already rebooted twice.');
    session.dispose();
  });

  it('says it is offline for good, with the server’s reason, when the token is refused', async () => {
    const { element, sockets } = await workspaceOverNetwork();
    sockets[0]?.frame({ v, type: 'error', fatal: true, message: 'Another connection of this agent took over.' });
    await settle(element);
    expect(deepText(connectionLine(element))).to.contain('Disconnected from the contact center.');
    expect(deepText(connectionLine(element))).to.contain('Another connection of this agent took over.');
  });
});
