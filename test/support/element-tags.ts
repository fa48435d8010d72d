/** Every element of the package, each registered alone by its own define module (src/define/<tag>.ts). */
export const TAGS = [
  'chat-workspace',
  'agent-state-control',
  'offer-prompt',
  'contact-tab',
  'chat-conversation',
  'chat-composer',
  'chat-actions',
  'launch-area',
  'quick-reply-panel',
  'transfer-dialog',
  'disposition-form',
  'new-engagement-dialog',
  'assist-panel',
  'advanced-chat',
];
