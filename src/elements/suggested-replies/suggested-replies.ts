import { localized, msg, str } from '@lit/localize';
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { LangController } from '../../controllers/lang-controller.js';
import { afterLocaleLoads } from '../../i18n/localization.js';
import { fillTemplate } from '../../internal/template.js';
import type { AssistApi, AssistChat } from '../assist-panel/assist-app.js';
import { rankQuickReplies, type RankedReply } from './rank-replies.js';
import { styles } from './suggested-replies.styles.js';

/** How many of the contact's latest messages the ranking reads. */
const RECENT_MESSAGES = 5;

/**
 * @tagname suggested-replies
 * @summary An agent assist app: the three quick replies closest to what the contact just
 * wrote, with their score; a click inserts one into the message box, variables filled.
 * Register it under a tag of your choice and list it in `assistApps` (`{ id, title, tag }`).
 *
 * @csspart suggestion - One suggested reply, a button.
 * @csspart score - A suggestion's score, in percent.
 */
@localized()
export class SuggestedReplies extends LitElement {
  static override styles = styles;

  /** The chat shown, set by the assist panel. */
  @property({ attribute: false }) chat?: AssistChat;

  /** The panel's read-only assist API, set by the assist panel. */
  @property({ attribute: false }) assist?: AssistApi;

  constructor() {
    super();
    new LangController(this);
  }

  /** Waits for a catalogue being loaded, so the app never renders in the language it leaves. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return afterLocaleLoads(() => super.scheduleUpdate());
  }

  /** The best replies for the chat's latest contact messages. */
  get suggestions(): RankedReply[] {
    const recent = (this.chat?.messages ?? [])
      .filter((message) => message.from === 'contact')
      .slice(-RECENT_MESSAGES)
      .map((message) => message.text);
    return rankQuickReplies(this.assist?.quickReplies ?? [], recent);
  }

  override render() {
    const suggestions = this.suggestions;
    if (suggestions.length === 0) return html`<p class="none">${msg('No quick reply matches what the contact wrote yet.')}</p>`;
    return html`<ul>
      ${suggestions.map(({ reply, score }) => {
        const text = this.filled(reply.text);
        const percent = Math.round(score * 100);
        return html`<li>
          <button part="suggestion" type="button" @click=${() => void this.assist?.insertText(text)}>
            <span class="head">
              <span class="title">${reply.title}</span>
              <span part="score" class="score" title=${msg('Match with the contact\'s recent messages')}
                >${msg(str`${percent}% match`)}</span
              >
            </span>
            <span class="text">${text}</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private filled(template: string): string {
    return fillTemplate(template, this.assist?.variables ?? {});
  }
}
