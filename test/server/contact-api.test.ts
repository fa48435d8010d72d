import { expect } from '@open-wc/testing';
import {
  agentWithChat,
  api,
  chatNumber,
  getChat,
  startChat,
  startServer,
  stopServer,
  testConfig,
  type ChatView,
  type TestServer,
} from './server-kit.js';

describe('reference server: contact API', function () {
  this.timeout(20000);
  let server: TestServer;

  before(async () => {
    server = await startServer({ config: testConfig() });
  });

  after(async () => {
    if (server) await stopServer(server);
  });

  it('starts a chat, takes messages, answers the chat like center.chat(id), and leaves', async () => {
    const created = await api<{ id: string }>(server, 'POST', '/api/chats', { contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    expect(created.status).to.equal(201);
    const chatId = created.body.id;
    expect(chatId).to.be.a('string');

    const said = await api(server, 'POST', `/api/chats/${chatId}/messages`, { text: 'Are you there?' });
    expect(said.status).to.equal(201);

    const chat = await getChat(server, chatId);
    expect(chat).to.include({ id: chatId, state: 'queued', skill: 'Billing' });
    expect(chat.messages.map((message) => [message.from, message.text])).to.deep.equal([
      ['contact', 'Bonjour!'],
      ['contact', 'Are you there?'],
    ]);

    const left = await api(server, 'POST', `/api/chats/${chatId}/leave`);
    expect(left.status).to.equal(200);
    expect((await getChat(server, chatId)).state).to.equal('closed');
  });

  it('gives chats ids nobody can guess from another chat’s', async () => {
    const ids = [await startChat(server, 'one'), await startChat(server, 'two')];
    expect(chatNumber(ids[1] ?? '')).to.equal(chatNumber(ids[0] ?? '') + 1);
    const guessed = `chat-${chatNumber(ids[1] ?? '') - 1}`;
    expect((await api(server, 'GET', `/api/chats/${guessed}`)).status).to.equal(404);
    for (const id of ids) await api(server, 'POST', `/api/chats/${id}/leave`);
  });

  it('stores a contact message sent again with the same clientId once (its answer was lost)', async () => {
    const chatId = await startChat(server, 'Bonjour!');
    const first = await api<{ message: { id: string } }>(server, 'POST', `/api/chats/${chatId}/messages`, { text: 'Hello?', clientId: 'page-1' });
    const again = await api<{ message: { id: string } }>(server, 'POST', `/api/chats/${chatId}/messages`, { text: 'Hello?', clientId: 'page-1' });
    expect(again).to.deep.equal(first);
    expect((await getChat(server, chatId)).messages.map((message) => message.text)).to.deep.equal(['Bonjour!', 'Hello?']);
    await api(server, 'POST', `/api/chats/${chatId}/leave`);
  });

  it('answers an agent as { id, name, state }', async () => {
    const answer = await api(server, 'GET', '/api/agents/agent-2');
    expect(answer).to.deep.equal({ status: 200, body: { id: 'agent-2', name: 'Sam Rivera', state: 'Unavailable' } });
  });

  it('allows any origin on /api (this page is on another origin than the server)', async () => {
    expect(new URL(server.url).origin).not.to.equal(location.origin);
    // The browser itself enforces CORS: reading the answer at all proves it was allowed.
    const response = await fetch(new URL('/api/agents/agent-1', server.url));
    expect(response.status).to.equal(200);
    const preflight = await fetch(new URL('/api/chats', server.url), { method: 'OPTIONS' });
    expect(preflight.status).to.equal(204);
    expect(preflight.headers.get('allow')).to.equal('POST, OPTIONS');
  });

  describe('refuses every bad request with a 4xx { error } and changes nothing', () => {
    let chatId: string;
    let before: ChatView;

    beforeEach(async () => {
      chatId = await startChat(server, 'First');
      before = await getChat(server, chatId);
    });

    // A queued chat would be offered ahead of the next scenario's own: each test leaves its own.
    afterEach(async () => {
      await api(server, 'POST', `/api/chats/${chatId}/leave`);
    });

    const expectRefused = async (answer: { status: number; body: unknown }, status: number, says: RegExp) => {
      expect(answer.status, JSON.stringify(answer.body)).to.equal(status);
      const { error } = answer.body as { error: unknown };
      expect(error).to.be.a('string').and.match(says);
      expect(await getChat(server, chatId)).to.deep.equal(before);
    };

    it('malformed JSON: 400', async () => {
      await expectRefused(await api(server, 'POST', `/api/chats/${chatId}/messages`, '{"text": '), 400, /not valid JSON/);
    });

    it('a body that is not a JSON object: 400', async () => {
      await expectRefused(await api(server, 'POST', `/api/chats/${chatId}/messages`, '["hi"]'), 400, /JSON object/);
    });

    it('a missing field: 400 naming it', async () => {
      await expectRefused(await api(server, 'POST', `/api/chats/${chatId}/messages`, {}), 400, /text is missing/);
    });

    it('a field of the wrong type: 400 naming it', async () => {
      await expectRefused(await api(server, 'POST', `/api/chats/${chatId}/messages`, { text: 42 }), 400, /text must be a string/);
    });

    it('an empty message: 400', async () => {
      await expectRefused(await api(server, 'POST', `/api/chats/${chatId}/messages`, { text: '   ' }), 400, /empty/);
    });

    it('text over maxMessageLength: 400', async () => {
      await expectRefused(await api(server, 'POST', `/api/chats/${chatId}/messages`, { text: 'x'.repeat(101) }), 400, /maximum of 100/);
    });

    it('a body over 1 MB: 413', async () => {
      const body = JSON.stringify({ text: 'x'.repeat(1024 * 1024) });
      await expectRefused(await api(server, 'POST', `/api/chats/${chatId}/messages`, body), 413, /larger than/);
    });

    it('no body at all: 400', async () => {
      await expectRefused(await api(server, 'POST', `/api/chats/${chatId}/messages`), 400, /JSON object \{ text, clientId\? \}/);
    });

    it('a body that is not JSON by its Content-Type: 415', async () => {
      const plain = await fetch(new URL(`/api/chats/${chatId}/messages`, server.url), { method: 'POST', body: 'text=hi' });
      await expectRefused({ status: plain.status, body: await plain.json() }, 415, /application\/json/);
    });

    it('an unknown chat: 404', async () => {
      await expectRefused(await api(server, 'POST', '/api/chats/chat-999/messages', { text: 'hi' }), 404, /No chat chat-999/);
      await expectRefused(await api(server, 'GET', '/api/chats/chat-999'), 404, /No chat/);
      await expectRefused(await api(server, 'POST', '/api/chats/chat-999/leave'), 404, /No chat/);
      await expectRefused(await api(server, 'GET', '/api/agents/agent-9'), 404, /No agent agent-9/);
      await expectRefused(await api(server, 'GET', '/api/nothing-here'), 404, /No API/);
    });

    it('a message to a chat that has ended: 409', async () => {
      await api(server, 'POST', `/api/chats/${chatId}/leave`);
      const { agent, chatId: activeId } = await agentWithChat(server, 'agent-1', 'Hello');
      await agent.command({ name: 'end-chat', chatId: activeId });
      const ended = await getChat(server, activeId);
      const answer = await api(server, 'POST', `/api/chats/${activeId}/messages`, { text: 'Wait!' });
      expect(answer.status).to.equal(409);
      expect(await getChat(server, activeId)).to.deep.equal(ended);
      await agent.command({ name: 'close-chat', chatId: activeId });
      await agent.command({ name: 'set-agent-state', state: 'Unavailable' });
      agent.close();
    });

    it('a wrong method: 405 with Allow', async () => {
      const answer = await api(server, 'POST', `/api/chats/${chatId}`, { text: 'hi' });
      await expectRefused(answer, 405, /POST is not allowed/);
      const response = await fetch(new URL(`/api/chats/${chatId}/messages`, server.url));
      expect(response.status).to.equal(405);
      expect(response.headers.get('allow')).to.contain('POST');
    });

    it('a chat without a contact name or skill: 400, and no chat is created', async () => {
      const lastId = chatNumber(chatId);
      const bad = [
        { skill: 'Billing', text: 'Hi' },
        { contact: { name: '' }, skill: 'Billing', text: 'Hi' },
        { contact: 'Marie', skill: 'Billing', text: 'Hi' },
        { contact: { name: 'Marie' }, text: 'Hi' },
        { contact: { name: 'Marie' }, skill: 'Billing', text: 'x'.repeat(101) },
      ];
      for (const body of bad) {
        const answer = await api<{ error: string }>(server, 'POST', '/api/chats', body);
        expect(answer.status, JSON.stringify(body)).to.equal(400);
        expect(answer.body.error).to.be.a('string');
      }
      const next = await startChat(server, 'Still numbered in order');
      expect(chatNumber(next)).to.equal(lastId + 1);
      await api(server, 'POST', `/api/chats/${next}/leave`);
    });
  });
});
