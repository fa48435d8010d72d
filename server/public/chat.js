// The contact's side of a chat with the reference server. Every text from the network is
// set with textContent: a message is data, never markup.

/** The chat this tab is in, so a reload resumes it. */
const STORAGE_KEY = 'reference-server:chat-id';
/** How long "is typing…" stays after the agent's last keystroke signal. */
const TYPING_SHOWN_MS = 5000;
/** The contact's typing is announced at most this often, and stops after this much quiet. */
const TYPING_ANNOUNCE_MS = 3000;

const $ = (id) => document.getElementById(id);
const startForm = $('start-form');
const conversation = $('conversation');
const status = $('status');
const messages = $('messages');
const typing = $('typing');
const composer = $('composer');
const messageInput = $('message');
const leaveButton = $('leave');
const newChatButton = $('new-chat');

let chatId;
let source;
let rendered = 0;
let typingHide;
let typingAnnounced = 0;
let typingQuiet;

/** Calls the API; a refusal throws with the server's `{ error }` text. */
async function api(method, path, body) {
  const response = await fetch(`/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = new Error(data?.error ?? `The server answered ${response.status}.`);
    error.status = response.status;
    throw error;
  }
  return data;
}

function showError(element, error) {
  element.textContent = error ? (error.message ?? String(error)) : '';
  element.hidden = !error;
}

async function loadOptions() {
  const { skills, maxMessageLength } = await api('GET', '/chat-options');
  const select = $('skill');
  for (const skill of skills.length > 0 ? skills : ['General']) {
    const option = document.createElement('option');
    option.value = skill;
    option.textContent = skill;
    select.append(option);
  }
  $('first-message').maxLength = maxMessageLength;
  messageInput.maxLength = maxMessageLength;
}

function showStartForm() {
  chatId = undefined;
  conversation.hidden = true;
  startForm.hidden = false;
  status.textContent = 'Tell us who you are and what you need; an agent will join you.';
  $('contact-name').focus();
}

function openConversation(id) {
  chatId = id;
  sessionStorage.setItem(STORAGE_KEY, id);
  startForm.hidden = true;
  conversation.hidden = false;
  messages.replaceChildren();
  rendered = 0;
  setOpen(true);
  status.textContent = 'Connecting…';
  source?.close();
  // EventSource reconnects by itself and sends Last-Event-ID: no agent reply is lost.
  source = new EventSource(`/api/chats/${encodeURIComponent(id)}/events`);
  source.addEventListener('message', (event) => addMessage(JSON.parse(event.data)));
  source.addEventListener('status', (event) => showStatus(JSON.parse(event.data)));
  source.addEventListener('typing', (event) => showTyping(JSON.parse(event.data)));
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CONNECTING) status.textContent = 'Connection lost; reconnecting…';
  });
  messageInput.focus();
}

function addMessage({ position, message }) {
  if (position <= rendered) return;
  rendered = position;
  const item = document.createElement('li');
  item.className = `message from-${message.from}`;
  const meta = document.createElement('span');
  meta.className = 'message-meta';
  const time = new Date(message.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  meta.textContent = message.from === 'contact' ? `You · ${time}` : `${message.authorName ?? 'Agent'} · ${time}`;
  const text = document.createElement('span');
  text.textContent = message.text;
  item.append(meta, text);
  messages.append(item);
  item.scrollIntoView({ block: 'end' });
  if (message.from === 'agent') showTyping(undefined);
}

function showStatus({ state, agentName, endedBy, cobrowse }) {
  showCobrowse(state === 'active' ? cobrowse : undefined);
  if (state === 'waiting') status.textContent = 'Waiting for an agent…';
  else if (state === 'active') status.textContent = `You are chatting with ${agentName ?? 'an agent'}.`;
  else {
    status.textContent = endedBy === 'contact' ? 'You left the chat.' : 'The agent ended the chat.';
    source?.close();
    showTyping(undefined);
    setOpen(false);
  }
}

function showTyping(data) {
  clearTimeout(typingHide);
  typing.textContent = data ? `${data.agentName ?? 'The agent'} is typing…` : '';
  if (data) typingHide = setTimeout(() => (typing.textContent = ''), TYPING_SHOWN_MS);
}

/** An open chat can be written to and left; an ended one offers a new chat instead. */
function setOpen(open) {
  messageInput.disabled = !open;
  composer.querySelector('button').disabled = !open;
  leaveButton.hidden = !open;
  newChatButton.hidden = open;
}

function announceTyping() {
  if (!chatId) return;
  const id = chatId;
  clearTimeout(typingQuiet);
  typingQuiet = setTimeout(() => stopTyping(id), TYPING_ANNOUNCE_MS);
  if (Date.now() - typingAnnounced < TYPING_ANNOUNCE_MS) return;
  typingAnnounced = Date.now();
  api('POST', `/chats/${encodeURIComponent(id)}/typing`, { typing: true }).catch(() => {});
}

function stopTyping(id) {
  clearTimeout(typingQuiet);
  if (!typingAnnounced) return;
  typingAnnounced = 0;
  api('POST', `/chats/${encodeURIComponent(id)}/typing`, { typing: false }).catch(() => {});
}

startForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(startForm);
  const button = startForm.querySelector('button');
  button.disabled = true;
  showError($('start-error'), undefined);
  try {
    const { id } = await api('POST', '/chats', {
      contact: { name: String(form.get('name')) },
      skill: String(form.get('skill')),
      text: String(form.get('text')),
    });
    startForm.reset();
    openConversation(id);
  } catch (error) {
    showError($('start-error'), error);
  } finally {
    button.disabled = false;
  }
});

/** randomUUID needs a secure context; a page served over plain http elsewhere than localhost has not. */
function newClientId() {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The id of the text in the box: sent again after a lost answer, the server stores it once. */
let pending = { text: '', clientId: '' };

composer.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = messageInput.value;
  if (!chatId || text.trim() === '') return;
  if (pending.text !== text) pending = { text, clientId: newClientId() };
  const button = composer.querySelector('button');
  button.disabled = true;
  showError($('chat-error'), undefined);
  try {
    await api('POST', `/chats/${encodeURIComponent(chatId)}/messages`, { text, clientId: pending.clientId });
    messageInput.value = '';
    pending = { text: '', clientId: '' };
    stopTyping(chatId);
  } catch (error) {
    // The text stays in the box, to send again.
    showError($('chat-error'), error);
  } finally {
    button.disabled = messageInput.disabled;
    messageInput.focus();
  }
});

messageInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    composer.requestSubmit();
  }
});
messageInput.addEventListener('input', announceTyping);

leaveButton.addEventListener('click', async () => {
  showError($('chat-error'), undefined);
  try {
    await api('POST', `/chats/${encodeURIComponent(chatId)}/leave`);
  } catch (error) {
    showError($('chat-error'), error);
  }
});

newChatButton.addEventListener('click', () => {
  sessionStorage.removeItem(STORAGE_KEY);
  source?.close();
  showStartForm();
});

async function start() {
  try {
    await loadOptions();
  } catch (error) {
    status.textContent = `The chat service is not reachable: ${error.message}`;
    return;
  }
  const saved = sessionStorage.getItem(STORAGE_KEY);
  if (!saved) return showStartForm();
  try {
    await api('GET', `/chats/${encodeURIComponent(saved)}`);
    openConversation(saved);
  } catch (error) {
    // A chat this server does not know (another DB): start over rather than show nothing.
    if (error.status === 404) sessionStorage.removeItem(STORAGE_KEY);
    showStartForm();
  }
}

// Co-browsing: the agent asks to see this page; once the contact agrees, rrweb records it
// here, with every form field masked in this browser (what is typed never leaves it), and
// the recording goes to the server in small batches, twice a second at most.
const COBROWSE_BATCH_MS = 500;
const COBROWSE_BATCH_SIZE = 200;
const cobrowseBar = document.createElement('div');
cobrowseBar.className = 'cobrowse-bar';
cobrowseBar.setAttribute('role', 'group');
cobrowseBar.setAttribute('aria-label', 'Co-browse');
cobrowseBar.hidden = true;
const cobrowseText = document.createElement('p');
const shareButton = document.createElement('button');
shareButton.type = 'button';
shareButton.textContent = 'Share this page';
const declineButton = document.createElement('button');
declineButton.type = 'button';
declineButton.className = 'secondary';
declineButton.textContent = 'No thanks';
const stopSharingButton = document.createElement('button');
stopSharingButton.type = 'button';
stopSharingButton.className = 'secondary';
stopSharingButton.textContent = 'Stop sharing';
cobrowseBar.append(cobrowseText, shareButton, declineButton, stopSharingButton);
composer.before(cobrowseBar);
let recording;

function showCobrowse(state) {
  cobrowseBar.hidden = !state;
  shareButton.hidden = declineButton.hidden = state !== 'requested';
  stopSharingButton.hidden = state !== 'active';
  if (state === 'requested') {
    cobrowseText.textContent = 'The agent asks to see this page with you (co-browse). What you type in form fields stays hidden.';
  } else if (state === 'active') {
    cobrowseText.textContent = 'You are sharing this page with the agent. Form fields show as asterisks.';
  }
  if (state === 'active') void startRecording();
  else stopRecording();
}

function loadRecorder() {
  if (window.rrweb) return Promise.resolve(window.rrweb);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/rrweb.js';
    script.onload = () => resolve(window.rrweb);
    script.onerror = () => reject(new Error('The co-browse recorder could not load.'));
    document.head.append(script);
  });
}

async function startRecording() {
  if (recording) return;
  const id = chatId;
  recording = { id, pending: [], sending: false };
  const current = recording;
  try {
    const rrweb = await loadRecorder();
    if (recording !== current) return;
    current.stop = rrweb.record({
      emit: (event) => current.pending.push(event),
      maskAllInputs: true,
      maskInputOptions: { password: true },
      blockSelector: '.cobrowse-bar',
      checkoutEveryNms: 10000,
    });
    current.timer = setInterval(() => void sendRecording(current), COBROWSE_BATCH_MS);
  } catch (error) {
    showError($('chat-error'), error);
    recording = undefined;
  }
}

async function sendRecording(current) {
  if (current.sending || current.pending.length === 0) return;
  current.sending = true;
  const events = current.pending.splice(0, COBROWSE_BATCH_SIZE);
  try {
    await api('POST', `/chats/${encodeURIComponent(current.id)}/cobrowse/events`, { events });
  } catch (error) {
    // The co-browse ended meanwhile (409): the status that follows stops the recorder.
    if (error.status !== 409 && error.status !== 429) showError($('chat-error'), error);
  } finally {
    current.sending = false;
  }
}

function stopRecording() {
  if (!recording) return;
  clearInterval(recording.timer);
  recording.stop?.();
  recording = undefined;
}

async function answerCobrowse(action) {
  try {
    await api('POST', `/chats/${encodeURIComponent(chatId)}/cobrowse`, { action });
  } catch (error) {
    showError($('chat-error'), error);
  }
}

shareButton.addEventListener('click', () => void answerCobrowse('accept'));
declineButton.addEventListener('click', () => void answerCobrowse('decline'));
stopSharingButton.addEventListener('click', () => {
  stopRecording();
  void answerCobrowse('end');
});

start();
