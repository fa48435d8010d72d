import { expect } from '@open-wc/testing';
import { agentWithChat, api, eventually, getChat, startServer, stopServer, testConfig, type TestServer } from './server-kit.js';

describe('reference server: co-browsing from the customer page (R15)', function () {
  this.timeout(20000);
  let server: TestServer;

  before(async () => {
    server = await startServer({ config: testConfig({ advancedChat: true }) });
  });

  after(async () => {
    if (server) await stopServer(server);
  });

  it('relays the page\'s recording to the agent once the contact accepts, size- and rate-limited, until the contact stops', async () => {
    const { agent, chatId } = await agentWithChat(server);
    expect((await agent.command({ name: 'request-cobrowse', chatId })).ok).to.equal(true);
    expect(((await getChat(server, chatId)) as unknown as { cobrowse?: string }).cobrowse).to.equal('requested');
    const events = `/api/chats/${chatId}/cobrowse/events`;
    expect((await api(server, 'POST', events, { events: [{ type: 4 }] })).status, 'not shared yet').to.equal(409);

    expect((await api(server, 'POST', `/api/chats/${chatId}/cobrowse`, { action: 'accept' })).status).to.equal(204);
    await agent.next((frame) => frame.type === 'event' && frame.event.type === 'cobrowse' && frame.event.status === 'active', 'cobrowse active');

    const batch = [{ type: 4, data: { href: 'http://example.test/', width: 800, height: 600 }, timestamp: 1 }, { type: 3, data: { source: 5, text: '*******************', id: 9 }, timestamp: 2 }];
    expect((await api(server, 'POST', events, { events: batch })).status).to.equal(204);
    const relayed = await agent.next((frame) => frame.type === 'event' && frame.event.type === 'cobrowse-events', 'cobrowse-events');
    expect(relayed.type === 'event' && relayed.event).to.deep.equal({ type: 'cobrowse-events', chatId, events: batch });
    expect(relayed.type === 'event' && relayed.ephemeral, 'not stored').to.equal(true);

    expect((await api(server, 'POST', events, { events: [{ kind: 'not rrweb' }] })).status).to.equal(400);
    expect((await api(server, 'POST', events, { events: Array.from({ length: 501 }, () => ({ type: 3 })) })).status).to.equal(400);
    const burst = await Promise.all(Array.from({ length: 15 }, () => api(server, 'POST', events, { events: [{ type: 3 }] })));
    expect(burst.some((answer) => answer.status === 429), 'more than 10 a second are refused').to.equal(true);

    expect((await api(server, 'POST', `/api/chats/${chatId}/cobrowse`, { action: 'end' })).status).to.equal(204);
    await agent.next(
      (frame) => frame.type === 'event' && frame.event.type === 'cobrowse' && frame.event.status === 'ended' && frame.event.by === 'contact',
      'cobrowse ended by the contact',
    );
    // Once the burst's rate window has passed (the server's clock), nothing is shared any more.
    await eventually(async () => (await api(server, 'POST', events, { events: [{ type: 3 }] })).status !== 429, 'the rate window passed');
    expect((await api(server, 'POST', events, { events: [{ type: 3 }] })).status).to.equal(409);
    agent.close();
  });
});
