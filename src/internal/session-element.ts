import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { LangController } from '../controllers/lang-controller.js';
import { afterLocaleLoads } from '../i18n/localization.js';
import type { ChatSession } from '../session/chat-session.js';
import { sessionContext } from '../session/session-context.js';

/**
 * Base of the workspace's elements: each takes its session from the enclosing
 * `<chat-workspace>` or, on its own, from its `session` property, and speaks the
 * language of its closest `lang` attribute.
 */
@localized()
export class SessionElement extends LitElement {
  /** The session this element shows; provided by an enclosing `<chat-workspace>` when there is one. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: ChatSession;

  constructor() {
    super();
    new LangController(this);
  }

  /** Waits for a catalogue being loaded (`lang` just changed), so the element never renders in the language it leaves. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return afterLocaleLoads(() => super.scheduleUpdate());
  }
}
