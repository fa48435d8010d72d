import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { SessionController } from '../../controllers/session-controller.js';
import { emit } from '../../events/workspace-events.js';
import { SessionElement } from '../../internal/session-element.js';
import { fillTemplate, safeHttpUrl } from '../../internal/template.js';
import { chatVariables } from '../../session/chat-variables.js';
import { styles } from './launch-area.styles.js';

/**
 * @tagname launch-area
 * @summary The launch area (R5): the "New engagement" button and the custom links the
 * administrator configured, filled in for the active chat. Only http(s) links are shown.
 *
 * @fires {NewEngagementRequestedEvent} new-engagement-requested - The agent pressed "New engagement"; `detail.chatId` is the chat it follows up.
 *
 * @csspart new-engagement - The "New engagement" button.
 * @csspart link - One custom link.
 */
export class LaunchArea extends SessionElement {
  static override styles = styles;

  /** The chat whose contact the links and the new engagement are about. */
  @property({ attribute: 'chat-id' }) chatId = '';

  private readonly links = new SessionController(this, (session) =>
    session.select((state) => {
      const chat = state.chats.find((candidate) => candidate.id === this.chatId);
      const values = chatVariables(state, chat);
      return state.configuration.customLinks.flatMap((link) => {
        const href = safeHttpUrl(fillTemplate(link.url, values, encodeURIComponent));
        return href ? [{ label: link.label, href }] : [];
      });
    }, linksEqual),
    { dependsOn: () => [this.chatId] },
  );

  override render() {
    const links = this.links.value ?? [];
    return html`
      <nav class="launch" aria-label=${msg('Launch')}>
        <button part="new-engagement" @click=${this.requestEngagement}>${msg('New engagement')}</button>
        ${links.length > 0
          ? html`<ul>
              ${links.map(
                (link) => html`<li>
                  <a part="link" href=${link.href} target="_blank" rel="noopener noreferrer">${link.label}</a>
                </li>`,
              )}
            </ul>`
          : nothing}
      </nav>
    `;
  }

  private requestEngagement(): void {
    emit(this, 'new-engagement-requested', { chatId: this.chatId });
  }
}

function linksEqual(a: readonly { href: string; label: string }[], b: readonly { href: string; label: string }[]): boolean {
  return a.length === b.length && a.every((link, index) => link.href === b[index]?.href && link.label === b[index]?.label);
}
