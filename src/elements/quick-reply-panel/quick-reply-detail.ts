import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { QuickReply } from '../../protocol/types.js';
import { templateVariables } from '../../internal/template.js';
import { templateParts } from './quick-replies.js';
import { variableLabel } from './variable-labels.js';

/** What the selected reply's view needs from the panel. */
export interface ReplyDetailView {
  reply: QuickReply;
  /** The value a variable holds now: the agent's edit or what the workspace knows. */
  valueFor: (name: string) => string;
  /** Whether to mark the empty fields: the agent tried to insert with some missing. */
  showErrors: boolean;
  onEdit: (name: string, value: string) => void;
  onBack: () => void;
  onInsert: () => void;
}

/**
 * The selected reply: its preview with every value as plain text (never markup, whatever a
 * contact's name holds), a labelled field per variable, and Insert. Every field is required;
 * Insert with one empty marks it and moves focus to it instead of inserting.
 */
export function renderReplyDetail(view: ReplyDetailView) {
  const { reply, valueFor } = view;
  const names = templateVariables(reply.text);
  const preview = templateParts(reply.text).map((part) => {
    if (part.kind === 'text') return part.text;
    const value = valueFor(part.name);
    return value.trim() === ''
      ? html`<span class="value missing">{{${part.name}}}</span>`
      : html`<span class="value">${value}</span>`;
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    view.onInsert();
  };
  return html`
    <form class="detail" novalidate @submit=${onSubmit}>
      <button type="button" part="back" class="back" @click=${view.onBack}>
        <span aria-hidden="true">‹</span> ${msg('All quick replies')}
      </button>
      <div class="detail-body">
        <div class="reply-head">
          ${reply.category ? html`<p class="eyebrow">${reply.category}</p>` : nothing}
          <h3 class="detail-title">${reply.title}</h3>
        </div>
        <div class="preview-block" role="group" aria-labelledby="preview-label">
          <p class="label" id="preview-label">${msg('Preview')}</p>
          <p part="preview" class="preview">${preview}</p>
        </div>
        ${names.length > 0
          ? html`<fieldset part="variables" class="variables">
              <legend>${msg('Variables')}</legend>
              <p class="hint">${msg('Check the values filled in for you. Every field is required.')}</p>
              ${names.map((name, index) => renderField(view, name, index))}
            </fieldset>`
          : nothing}
      </div>
      <div class="actions">
        <button type="submit" part="insert" class="primary">${msg('Insert')}</button>
      </div>
    </form>
  `;
}

function renderField(view: ReplyDetailView, name: string, index: number) {
  const value = view.valueFor(name);
  const missing = value.trim() === '';
  const invalid = view.showErrors && missing;
  const id = `variable-${index}`;
  return html`<div class="field">
    <label for=${id}>${variableLabel(name)}<span class="required" aria-hidden="true">*</span></label>
    <input
      part="variable"
      id=${id}
      type="text"
      autocomplete="off"
      required
      ?data-missing=${missing}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? `${id}-error` : nothing}
      .value=${live(value)}
      @input=${(event: InputEvent) => view.onEdit(name, (event.target as HTMLInputElement).value)}
    />
    ${invalid ? html`<p class="error" id="${id}-error">${msg('Fill in this value to insert the reply.')}</p>` : nothing}
  </div>`;
}
