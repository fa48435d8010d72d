import { ChatSession, SimulatedContactCenter, type ChatWorkspace, type Contact } from '../src/index.js';
import { demoConfiguration } from './configuration.js';
import { renderCustomers, showCustomerRecord } from './crm.js';
import { startTraffic } from './traffic.js';

const params = new URLSearchParams(location.search);

const center = new SimulatedContactCenter(demoConfiguration);
const session = new ChatSession(center.connect({ id: 'agent-1', name: 'Alex Martin' }));
const workspace = document.querySelector<ChatWorkspace>('#workspace');
if (workspace) workspace.session = session;
// ?theme=dark|light|auto and ?lang=fr-CA show the workspace's themes and French.
const theme = params.get('theme');
const lang = params.get('lang');
if (lang) document.documentElement.lang = lang;

declare global {
  interface Window {
    demo: { center: SimulatedContactCenter; session: ChatSession; sessions: ChatSession[] };
  }
}

const sessions = [session];

if (params.get('agents') === '2') {
  const second = new ChatSession(center.connect({ id: 'agent-2', name: 'Sam Rivera' }));
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

// The CRM's "screen pop": the accepted chat's customer opens in the record pane.
document.addEventListener('chat-accepted', (event) => {
  const contact: Contact = event.detail.contact;
  showCustomerRecord(contact, event.detail.skill);
});

if (params.get('traffic') !== 'off') startTraffic(center);
