import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ChatSession, WebSocketConnector, type ChatStorage, type CommandResult } from '../../src/index.js';
import { ManualScheduler } from '../support/manual-scheduler.js';
import {
  TOKENS,
  api,
  getChat,
  killServer,
  restartServer,
  startChat,
  startServer,
  stopServer,
  testConfig,
  type TestServer,
} from '../server/server-kit.js';

/**
 * The promises of the transport, against a real reference server process on a real
 * SQLite file: a server killed with SIGKILL, a connection cut for 30 s, a page reload.
 * Each scenario counts what it moved and what was lost or duplicated: both must be zero.
 */

const NAMES = { 'agent-1': 'Alex Martin', 'agent-2': 'Sam Rivera' } as const;

class MemoryStorage implements ChatStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

/** An agent's workspace session over WebSocketConnector; the connector's clock is moved by hand. */
function agentSession(url: string, agentId: keyof typeof TOKENS, storage: ChatStorage = new MemoryStorage()) {
  const scheduler = new ManualScheduler(Date.now());
  const connector = new WebSocketConnector({
    url,
    agent: { id: agentId, name: NAMES[agentId] },
    token: TOKENS[agentId],
    scheduler,
    backoff: { random: () => 0.5 },
  });
  const session = new ChatSession(connector, { storage, logger: { warn: () => undefined } });
  return { scheduler, connector, session, storage };
}

type Agent = ReturnType<typeof agentSession>;

/**
 * Waits for the real network and server until `predicate` holds. Each 50 ms poll moves
 * the connector's clock 250 ms, so heartbeats and backoff run without anyone sleeping,
 * and a live server always answers a ping well inside the 10 s (2 s real) it is given.
 */
function until(predicate: () => boolean, message: string, ...agents: Agent[]): Promise<void> {
  return waitUntil(
    () => {
      for (const agent of agents) agent.scheduler.advance(250);
      return predicate();
    },
    message,
    { interval: 50, timeout: 20_000 },
  );
}

async function acceptedChat(server: TestServer, agent: Agent, text = 'Bonjour!'): Promise<string> {
  await until(() => agent.session.state.connection === 'connected', 'connected', agent);
  expect((await agent.session.setAgentState('Available')).ok).to.equal(true);
  const chatId = await startChat(server, text);
  await until(() => agent.session.state.offers.some((offer) => offer.chatId === chatId), 'offered', agent);
  expect((await agent.session.acceptOffer(chatId)).ok).to.equal(true);
  await until(() => agent.session.state.chats.some((chat) => chat.id === chatId), 'assigned', agent);
  return chatId;
}

async function contactSays(server: TestServer, chatId: string, text: string): Promise<void> {
  const answer = await api(server, 'POST', `/api/chats/${chatId}/messages`, { text });
  expect(answer.status, JSON.stringify(answer.body)).to.be.within(200, 299);
}

/** What one side shows of a chat, counted against what both sides sent. */
function tally(sent: string[], shown: string[]) {
  const counts = new Map<string, number>();
  for (const text of shown) counts.set(text, (counts.get(text) ?? 0) + 1);
  const lost = sent.filter((text) => !counts.has(text)).length;
  const duplicated = [...counts.values()].filter((count) => count > 1).length;
  const inOrder = sent.filter((text) => counts.has(text)).every((text, index, kept) => index === 0 || shown.indexOf(kept[index - 1] ?? '') < shown.indexOf(text));
  return { moved: sent.length, lost, duplicated, inOrder };
}

/** Both sides of the chat, checked: the server's record and the workspace, message by message. */
async function checkBothSides(server: TestServer, agent: Agent, chatId: string, agentSent: string[], contactSent: string[], scenario: string) {
  await until(
    () => {
      const chat = agent.session.state.chats.find((candidate) => candidate.id === chatId);
      return !!chat && chat.messages.every((message) => message.delivery === undefined) && chat.messages.length >= agentSent.length + contactSent.length;
    },
    `${scenario}: every message settled in the workspace`,
    agent,
  );
  const record = await getChat(server, chatId);
  const onServer = record.messages.map((message) => message.text);
  const workspace = agent.session.state.chats.find((chat) => chat.id === chatId)?.messages ?? [];
  const figures = {
    agentToServer: tally(agentSent, record.messages.filter((message) => message.from === 'agent').map((message) => message.text)),
    contactToServer: tally(contactSent, record.messages.filter((message) => message.from === 'contact').map((message) => message.text)),
    agentToWorkspace: tally(agentSent, workspace.filter((message) => message.from === 'agent').map((message) => message.text)),
    contactToWorkspace: tally(contactSent, workspace.filter((message) => message.from === 'contact').map((message) => message.text)),
  };
  console.log(`[transport] ${scenario}: ${JSON.stringify(figures)}`);
  for (const [side, figure] of Object.entries(figures)) {
    expect(figure, `${scenario}, ${side}`).to.include({ lost: 0, duplicated: 0, inOrder: true });
  }
  // The workspace shows exactly the server's transcript, in the server's order.
  expect(workspace.map((message) => message.id), `${scenario}: the workspace's order is the server's`).to.deep.equal(
    record.messages.map((message) => message.id),
  );
  expect(onServer.length).to.equal(agentSent.length + contactSent.length);
}

describe('WebSocketConnector against the reference server', () => {
  let server: TestServer;
  const agents: Agent[] = [];

  beforeEach(async () => {
    server = await startServer({ config: testConfig({ maxMessageLength: 2000, offerTimeoutMs: 60_000 }) });
  });

  afterEach(async () => {
    for (const agent of agents.splice(0)) agent.session.dispose();
    await stopServer(server);
  });

  it('loses nothing when the server is killed with SIGKILL mid-conversation while the agent keeps sending', async () => {
    const alex = agentSession(server.wsUrl, 'agent-1');
    agents.push(alex);
    const chatId = await acceptedChat(server, alex, 'C0');
    const agentSent: string[] = [];
    const contactSent = ['C0'];
    const sends: Promise<CommandResult>[] = [];

    for (let index = 1; index <= 25; index++) {
      contactSent.push(`C${index}`);
      await contactSays(server, chatId, `C${index}`);
      agentSent.push(`A${index}`);
      sends.push(alex.session.sendMessage(chatId, `A${index}`));
    }
    // A burst still in flight when the server dies: some are stored and unanswered, and
    // go again after the restart under the same ids.
    for (let index = 1; index <= 10; index++) {
      agentSent.push(`burst ${index}`);
      sends.push(alex.session.sendMessage(chatId, `burst ${index}`));
    }
    await killServer(server);
    // The agent keeps typing while the server is gone: the messages wait, visibly.
    for (let index = 26; index <= 35; index++) {
      agentSent.push(`A${index}`);
      sends.push(alex.session.sendMessage(chatId, `A${index}`));
    }
    await until(() => alex.session.state.connection === 'reconnecting', 'the workspace shows it is reconnecting', alex);
    const waiting = alex.session.state.chats[0]?.messages.filter((message) => message.delivery === 'sending') ?? [];
    expect(waiting.map((message) => message.text)).to.include.members(['A26', 'A30', 'A35']);

    const port = server.port;
    server = await restartServer(server);
    expect(server.port, 'the server came back on its port').to.equal(port);
    await until(() => alex.session.state.connection === 'connected', 'reconnected', alex);
    for (let index = 36; index <= 50; index++) {
      contactSent.push(`C${index}`);
      await contactSays(server, chatId, `C${index}`);
      agentSent.push(`A${index}`);
      sends.push(alex.session.sendMessage(chatId, `A${index}`));
    }
    expect((await Promise.all(sends)).map((result) => result.ok)).to.deep.equal(agentSent.map(() => true));
    await checkBothSides(server, alex, chatId, agentSent, contactSent, 'SIGKILL');
    expect((await getChat(server, chatId)).state).to.equal('active');
  });

  it('loses nothing across a connection cut for 30 s, on either side', async () => {
    const proxy = await executeServerCommand<{ port: number }, { port: number }>('proxy-start', { port: server.port });
    const alex = agentSession(`ws://127.0.0.1:${proxy.port}/agents`, 'agent-1');
    agents.push(alex);
    try {
      const chatId = await acceptedChat(server, alex, 'C0');
      const agentSent = ['A1'];
      const contactSent = ['C0'];
      await alex.session.sendMessage(chatId, 'A1');

      await executeServerCommand('proxy-cut', { port: proxy.port, mode: 'silent' });
      // 30 s of silence: the heartbeat finds the link dead, reconnect attempts stall.
      for (let second = 0; second < 30; second++) {
        alex.scheduler.advance(1_000);
        if (second % 2 === 0) {
          contactSent.push(`C${second}-cut`);
          await contactSays(server, chatId, `C${second}-cut`);
          agentSent.push(`A${second}-cut`);
          void alex.session.sendMessage(chatId, `A${second}-cut`);
        }
      }
      expect(alex.session.state.connection).to.equal('reconnecting');
      expect(alex.session.state.connectionReason).to.be.a('string');

      await executeServerCommand('proxy-restore', { port: proxy.port });
      await until(() => alex.session.state.connection === 'connected', 'back after the cut', alex);
      contactSent.push('C-after');
      await contactSays(server, chatId, 'C-after');
      await checkBothSides(server, alex, chatId, agentSent, contactSent, '30 s cut');
    } finally {
      await executeServerCommand('proxy-stop', { port: proxy.port });
    }
  });

  it('after a reload mid-chat shows the same chat with its whole history, its draft and its unsent message, delivered once', async () => {
    const proxy = await executeServerCommand<{ port: number }, { port: number }>('proxy-start', { port: server.port });
    const storage = new MemoryStorage();
    const before = agentSession(`ws://127.0.0.1:${proxy.port}/agents`, 'agent-1', storage);
    try {
      const chatId = await acceptedChat(server, before, 'C0');
      await contactSays(server, chatId, 'C1');
      await before.session.sendMessage(chatId, 'A1');
      // The page dies: its socket goes, and the agent had typed a message and a draft.
      await executeServerCommand('proxy-cut', { port: proxy.port, mode: 'reset' });
      await until(() => before.session.state.connection === 'reconnecting', 'the old page lost its socket', before);
      void before.session.sendMessage(chatId, 'A2 typed as the page went away');
      before.session.setDraft(chatId, 'Half a sentence');
      before.session.setWrapUp(chatId, { code: '', tags: [], notes: 'Customer wants a callback' });
      await contactSays(server, chatId, 'C2');

      // The old page is gone, not disposed: a reload says no goodbye (its clock never moves again).
      const after = agentSession(server.wsUrl, 'agent-1', storage);
      agents.push(after);
      await until(() => after.session.state.chats.some((chat) => chat.id === chatId), 'the reloaded page has the chat', after);
      const chat = after.session.state.chats.find((candidate) => candidate.id === chatId);
      expect(chat && after.session.state.work[chat.id]?.draft).to.equal('Half a sentence');
      expect(chat && after.session.state.work[chat.id]?.wrapUp.notes).to.equal('Customer wants a callback');
      await checkBothSides(server, after, chatId, ['A1', 'A2 typed as the page went away'], ['C0', 'C1', 'C2'], 'reload');
    } finally {
      await executeServerCommand('proxy-stop', { port: proxy.port });
    }
  });

  it('two agents: a chat transferred from one to the other arrives with its history and the note', async () => {
    const alex = agentSession(server.wsUrl, 'agent-1');
    const sam = agentSession(server.wsUrl, 'agent-2');
    agents.push(alex, sam);
    const chatId = await acceptedChat(server, alex, 'Bonjour!');
    await until(() => sam.session.state.connection === 'connected', 'Sam connected', sam);
    await sam.session.setAgentState('Available');
    await alex.session.sendMessage(chatId, 'Let me hand you to Sam.');
    expect((await alex.session.transferChat(chatId, { kind: 'agent', id: 'agent-2' }, 'Wants a refund')).ok).to.equal(true);
    await until(() => sam.session.state.offers.some((offer) => offer.chatId === chatId), 'offered to Sam', sam);
    expect(sam.session.state.offers[0]?.transfers.at(-1)).to.include({ fromAgentName: 'Alex Martin', note: 'Wants a refund' });
    expect(alex.session.state.chats).to.deep.equal([]);
    expect((await sam.session.acceptOffer(chatId)).ok).to.equal(true);
    await until(() => sam.session.state.chats.length === 1, 'assigned to Sam', sam);
    expect(sam.session.state.chats[0]?.messages.map((message) => message.text)).to.deep.equal(['Bonjour!', 'Let me hand you to Sam.']);
  });

  it('goes offline with the reason when the token is wrong, and acts on no other agent’s chat', async () => {
    const impostor = new ChatSession(
      new WebSocketConnector({ url: server.wsUrl, agent: { id: 'agent-2', name: 'Sam Rivera' }, token: TOKENS['agent-1'] }),
      { storage: null, logger: { warn: () => undefined } },
    );
    try {
      await waitUntil(() => impostor.state.connection === 'offline', 'refused', { timeout: 8_000 });
      expect(impostor.state.connectionReason).to.be.a('string').and.match(/token/i);
      expect(impostor.state.chats).to.deep.equal([]);
      expect(impostor.state.configured).to.equal(false);
    } finally {
      impostor.dispose();
    }

    const alex = agentSession(server.wsUrl, 'agent-1');
    const sam = agentSession(server.wsUrl, 'agent-2');
    agents.push(alex, sam);
    const chatId = await acceptedChat(server, alex);
    await until(() => sam.session.state.connection === 'connected', 'Sam connected', sam);
    const before = await getChat(server, chatId);
    expect((await sam.session.endChat(chatId)).ok).to.equal(false);
    expect(sam.session.state.errors.at(-1)?.message).to.equal('This chat is not in your workspace.');
    expect(await getChat(server, chatId)).to.deep.equal(before);
  });
});
