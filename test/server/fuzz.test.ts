import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseClientFrame } from '../../src/protocol/frames.js';
import {
  agentWithChat,
  api,
  eventually,
  getChat,
  startServer,
  stopServer,
  testConfig,
  type RawAgentSocket,
  type TestServer,
} from './server-kit.js';

/**
 * Property-based: random and malformed frames and requests thrown at a real server
 * process. It never crashes, answers each with a clear error, and writes nothing (issue 9).
 */

const commandNames = ['set-agent-state', 'accept-offer', 'reject-offer', 'send-message', 'end-chat', 'transfer-chat', 'close-chat', 'leave', 'nope'];

/** A command frame with one field replaced by anything, or removed: mostly invalid, sometimes not. */
const damagedFrame = fc
  .tuple(
    fc.record({
      v: fc.oneof(fc.constant(1), fc.anything()),
      type: fc.constantFrom('command', 'hello', 'ping', 'pong', ''),
      id: fc.oneof(fc.uuid(), fc.anything()),
      command: fc.record({ name: fc.constantFrom(...commandNames), chatId: fc.anything(), text: fc.anything(), state: fc.anything() }),
    }),
    fc.constantFrom('v', 'type', 'id', 'command'),
    fc.boolean(),
  )
  .map(([frame, key, remove]) => {
    const copy: Record<string, unknown> = { ...frame };
    if (remove) delete copy[key];
    return copy;
  });

/** Text that is not JSON, or JSON of any shape. */
const rawFrame = fc.oneof(
  fc.string().map((text) => `{${text}`),
  fc.anything().map((value) => JSON.stringify(value) ?? 'undefined'),
  damagedFrame.map((frame) => JSON.stringify(frame)),
);

describe('reference server under random frames and requests (fast-check)', function () {
  this.timeout(60_000);
  let server: TestServer;
  let agent: RawAgentSocket;
  let chatId: string;

  before(async () => {
    server = await startServer({ config: testConfig() });
    ({ agent, chatId } = await agentWithChat(server, 'agent-1'));
  });

  after(async () => {
    agent?.close();
    if (server) await stopServer(server);
  });

  it('answers every malformed agent frame with an error, stays up, and stores nothing', async () => {
    const before = await getChat(server, chatId);
    const storedBefore = agent.storedEvents().length;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(rawFrame, async (text) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        fc.pre(parsed === undefined || !parseClientFrame(parsed).ok || (parsed as { type?: unknown }).type === 'hello');
        const errorsBefore = agent.frames.filter((frame) => frame.type === 'error').length;
        await agent.send(text);
        sent += 1;
        await eventually(() => agent.frames.filter((frame) => frame.type === 'error').length === errorsBefore + 1, `an error for ${text.slice(0, 80)}`);
      }),
      { numRuns: 200, seed: 20261130 },
    );
    // Still the same connection, alive and answering.
    const pongs = agent.frames.filter((frame) => frame.type === 'pong').length;
    await agent.send({ v: 1, type: 'ping' });
    await eventually(() => agent.frames.filter((frame) => frame.type === 'pong').length === pongs + 1, 'a pong');
    expect(agent.frames.some((frame) => frame.type === 'error' && frame.fatal)).to.equal(false);
    expect(agent.storedEvents().length, 'no event was stored').to.equal(storedBefore);
    expect(await getChat(server, chatId)).to.deep.equal(before);
    console.log(`[fuzz] server: ${sent} malformed agent frames, each answered with an error, nothing stored`);
  });

  it('answers every contact request with 2xx or a 4xx { error }, never a 5xx, and a refused one changes nothing', async () => {
    let refused = 0;
    let accepted = 0;
    const body = fc.oneof(
      fc.anything(),
      fc.record({ text: fc.oneof(fc.string(), fc.anything()), clientId: fc.oneof(fc.string(), fc.anything()) }, { requiredKeys: [] }),
      fc.string().map((text) => `{"text": ${text}`),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('messages', 'typing'), async (payload, what) => {
        const before = await getChat(server, chatId);
        const raw = typeof payload === 'string' ? payload : (JSON.stringify(payload) ?? 'null');
        const answer = await api<{ error?: string }>(server, 'POST', `/api/chats/${chatId}/${what}`, raw);
        expect(answer.status, raw.slice(0, 80)).to.be.below(500);
        if (answer.status >= 400) {
          refused += 1;
          expect(answer.body?.error, raw.slice(0, 80)).to.be.a('string').and.not.equal('');
          expect(await getChat(server, chatId)).to.deep.equal(before);
        } else {
          accepted += 1;
        }
      }),
      { numRuns: 150, seed: 20261130 },
    );
    console.log(`[fuzz] server: ${refused + accepted} random contact requests, ${refused} refused with a 4xx and nothing changed`);
    expect(refused).to.be.greaterThan(75);
  });
});
