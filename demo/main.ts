import {
  ChatSession,
  SimulatedContactCenter,
  WebSocketConnector,
  type ChatWorkspace,
  type Contact,
  type ContactCenterConnector,
} from '../src/index.js';
import { demoAgentTokens, demoConfiguration } from './configuration.js';
import { renderCustomers, showCustomerRecord } from './crm.js';
import { startTraffic } from './traffic.js';
import './assist-apps/define.js';

const params = new URLSearchParams(location.search);

// ?theme=dark|light|auto and ?lang=fr-CA show the workspace's themes and French.
const theme = params.get('theme');
const lang = params.get('lang');
if (lang) document.documentElement.lang = lang;

// ?server=ws://127.0.0.1:8001 runs the workspace over the reference server (npm run server)
// instead of the in-browser simulator; &agent=agent-2 signs in as the second agent.
const server = params.get('server');
const center = server ? undefined : new SimulatedContactCenter(demoConfiguration);
const agents = demoConfiguration.directory?.agents ?? [];

function connectorFor(agentId: string): ContactCenterConnector {
  const name = agents.find((agent) => agent.id === agentId)?.name ?? agentId;
  if (center) return center.connect({ id: agentId, name });
  return new WebSocketConnector({ url: server ?? '', agent: { id: agentId, name }, token: demoAgentTokens[agentId] ?? '' });
}

const firstAgent = server ? (params.get('agent') ?? 'agent-1') : 'agent-1';
const session = new ChatSession(connectorFor(firstAgent));
const workspace = document.querySelector<ChatWorkspace>('#workspace');
if (workspace) workspace.session = session;
const signedIn = agents.find((agent) => agent.id === firstAgent);
const user = document.querySelector('.crm-user');
if (user && signedIn) user.textContent = `${signedIn.name} · ${signedIn.team ?? ''}`;

declare global {
  interface Window {
    /** The demo's simulator (absent over the reference server) and the sessions of its workspaces. */
    demo: { center?: SimulatedContactCenter; session: ChatSession; sessions: ChatSession[] };
  }
}

const sessions = [session];

if (params.get('agents') === '2') {
  const second = new ChatSession(connectorFor(firstAgent === 'agent-2' ? 'agent-1' : 'agent-2'));
  const secondWorkspace = document.createElement('chat-workspace');
  secondWorkspace.id = 'workspace-2';
  secondWorkspace.session = second;
  if (theme) secondWorkspace.setAttribute('theme', theme);
  document.querySelector('#agent-column')?.append(secondWorkspace);
  document.querySelector('.crm')?.classList.add('two-agents');
  sessions.push(second);
}

if (theme) workspace?.setAttribute('theme', theme);

window.demo = { center, session, sessions };

renderCustomers();

// The CRM's "screen pop": the accepted chat's customer opens in the record pane, and the
// record follows the chat the agent is looking at.
document.addEventListener('chat-accepted', (event) => {
  const contact: Contact = event.detail.contact;
  showCustomerRecord(contact, event.detail.skill);
});
document.addEventListener('chat-activated', (event) => showCustomerRecord(event.detail.contact, event.detail.skill));

if (center && params.get('traffic') !== 'off') startTraffic(center);
