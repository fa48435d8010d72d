import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  agentWithChat,
  api,
  eventually,
  getChat,
  RawAgentSocket,
  startChat,
  startServer,
  stopServer,
  testConfig,
  type TestServer,
} from './server-kit.js';

interface StreamEvent {
  type: string;
  data: Record<string, unknown>;
  lastEventId: string;
}

/** Follows a chat's Server-Sent Events as the customer page does, recording each one. */
function follow(url: string) {
  const events: StreamEvent[] = [];
  const source = new EventSource(url);
  for (const type of ['message', 'status', 'typing']) {
    source.addEventListener(type, (event) => {
      const message = event as MessageEvent<string>;
      events.push({ type, data: JSON.parse(message.data) as Record<string, unknown>, lastEventId: message.lastEventId });
    });
  }
  const texts = () => events.filter((event) => event.type === 'message').map((event) => (event.data.message as { text: string }).text);
  return { source, events, texts };
}

describe('reference server: the customer page stream', function () {
  this.timeout(30000);
  let server: TestServer;

  before(async () => {
    server = await startServer({ config: testConfig() });
  });

  after(async () => {
    if (server) await stopServer(server);
  });

  it('tells the contact who joined, the agent’s typing and replies, and the end of the chat', async () => {
    const chatId = await startChat(server, 'Hello?');
    const stream = follow(new URL(`/api/chats/${chatId}/events`, server.url).href);
    await eventually(() => stream.events.some((event) => event.type === 'status'), 'the first status');
    expect(stream.events.find((event) => event.type === 'status')?.data).to.deep.equal({ state: 'waiting' });

    const { agent } = await agentWithChatFor(server, chatId);
    await eventually(() => stream.events.some((event) => event.data.state === 'active'), 'the agent joined');
    expect(stream.events.find((event) => event.data.state === 'active')?.data).to.deep.equal({ state: 'active', agentName: 'Alex Martin' });

    await agent.command({ name: 'typing', chatId });
    await eventually(() => stream.events.some((event) => event.type === 'typing'), 'typing');
    expect(stream.events.find((event) => event.type === 'typing')?.data).to.deep.equal({ agentName: 'Alex Martin' });

    await agent.command({ name: 'send-message', chatId, text: 'Hi, I am Alex.' }, 'reply-1');
    await api(server, 'POST', `/api/chats/${chatId}/messages`, { text: 'Great' });
    await eventually(() => stream.texts().length === 3, 'three messages');
    expect(stream.texts()).to.deep.equal(['Hello?', 'Hi, I am Alex.', 'Great']);
    const reply = stream.events.find((event) => event.type === 'message' && event.lastEventId === '2');
    expect(reply?.data.message).not.to.have.property('clientId');

    await agent.command({ name: 'end-chat', chatId });
    await eventually(() => stream.events.some((event) => event.data.state === 'ended'), 'the end');
    expect(stream.events.at(-1)?.data).to.deep.equal({ state: 'ended', endedBy: 'agent' });
    stream.source.close();
    await agent.command({ name: 'close-chat', chatId });
    agent.close();
  });

  it('resumes after a network cut with Last-Event-ID: the reply sent meanwhile arrives once', async () => {
    const { agent, chatId } = await agentWithChat(server, 'agent-1', 'Are you there?');
    const { port } = await executeServerCommand<{ port: number }, { port: number }>('proxy-start', { port: server.port });
    try {
      const stream = follow(`http://127.0.0.1:${port}/api/chats/${chatId}/events`);
      await eventually(() => stream.texts().length === 1, 'the first message');

      await executeServerCommand('proxy-cut', { port, mode: 'reset' });
      await eventually(() => stream.source.readyState === EventSource.CONNECTING, 'the stream notices the cut');
      await agent.command({ name: 'send-message', chatId, text: 'Sent during the cut' });
      expect((await getChat(server, chatId)).messages).to.have.length(2);
      await executeServerCommand('proxy-restore', { port });

      await eventually(() => stream.texts().length === 2, 'the reply sent during the cut', 10000);
      await api(server, 'POST', `/api/chats/${chatId}/messages`, { text: 'Got it' });
      await eventually(() => stream.texts().length === 3, 'the next message');
      expect(stream.texts()).to.deep.equal(['Are you there?', 'Sent during the cut', 'Got it']);
      const ids = stream.events.filter((event) => event.type === 'message').map((event) => event.lastEventId);
      expect(ids).to.deep.equal(['1', '2', '3']);
      stream.source.close();
    } finally {
      await executeServerCommand('proxy-stop', { port });
    }
    await agent.command({ name: 'end-chat', chatId });
    await agent.command({ name: 'close-chat', chatId });
    agent.close();
  });

  it('refuses a stream of an unknown chat with a 404', async () => {
    const answer = await api(server, 'GET', '/api/chats/chat-404/events');
    expect(answer.status).to.equal(404);
  });
});

/** The agent takes the chat the contact already started. */
async function agentWithChatFor(server: TestServer, chatId: string) {
  const agent = await RawAgentSocket.connect(server, 'agent-1');
  await agent.command({ name: 'set-agent-state', state: 'Available' });
  await agent.next((frame) => frame.type === 'event' && frame.event.type === 'chat-offered' && frame.event.chat.id === chatId);
  await agent.command({ name: 'accept-offer', chatId });
  return { agent };
}
