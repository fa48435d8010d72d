import { AgentStateControl } from './elements/agent-state-control/agent-state-control.js';
import { ChatWorkspace } from './elements/chat-workspace/chat-workspace.js';
import { ContactTab } from './elements/contact-tab/contact-tab.js';
import { DispositionForm } from './elements/disposition-form/disposition-form.js';
import { OfferPrompt } from './elements/offer-prompt/offer-prompt.js';
import { QuickReplyPanel } from './elements/quick-reply-panel/quick-reply-panel.js';
import { TransferDialog } from './elements/transfer-dialog/transfer-dialog.js';

/** Every element of the workspace, by tag name. */
export const elements = {
  'chat-workspace': ChatWorkspace,
  'agent-state-control': AgentStateControl,
  'offer-prompt': OfferPrompt,
  'contact-tab': ContactTab,
  'quick-reply-panel': QuickReplyPanel,
  'transfer-dialog': TransferDialog,
  'disposition-form': DispositionForm,
} as const;

// A second copy of the library on the page (two bundles) must not throw.
for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-workspace': ChatWorkspace;
    'agent-state-control': AgentStateControl;
    'offer-prompt': OfferPrompt;
    'contact-tab': ContactTab;
    'quick-reply-panel': QuickReplyPanel;
    'transfer-dialog': TransferDialog;
    'disposition-form': DispositionForm;
  }
}
