import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DispositionRecord } from '../../protocol/types.js';
import { missingDispositionMessage, type WrapUpView } from './wrap-up.js';

/** What the after-contact fields call as the agent chooses and types. */
export interface WrapUpFieldHandlers {
  dispositionChanged(event: Event): void;
  tagChanged(event: Event): void;
  notesInput(event: Event): void;
  notesChanged(): void;
}

/**
 * The fields of after-contact work: the disposition (when configured), the tags (when
 * configured) and the notes, showing `record`.
 */
export function renderWrapUpFields(
  view: WrapUpView,
  record: DispositionRecord,
  state: { disabled: boolean; showMissing: boolean },
  on: WrapUpFieldHandlers,
) {
  return html`${view.dispositions.length > 0 ? renderDisposition(view, record, state, on) : nothing}
    ${view.tags.length > 0 ? renderTags(view, record, state.disabled, on) : nothing}
    <div class="field">
      <label for="notes">${msg('Notes')}</label>
      <textarea
        id="notes"
        part="notes"
        rows="3"
        ?disabled=${state.disabled}
        .value=${live(record.notes)}
        @input=${on.notesInput}
        @change=${on.notesChanged}
      ></textarea>
    </div>`;
}

function renderDisposition(
  view: WrapUpView,
  record: DispositionRecord,
  { disabled, showMissing }: { disabled: boolean; showMissing: boolean },
  on: WrapUpFieldHandlers,
) {
  return html`<div class="field">
    <label for="disposition">${msg('Disposition')}</label>
    <select
      id="disposition"
      part="disposition"
      ?required=${view.dispositionRequired}
      ?disabled=${disabled}
      aria-invalid=${showMissing ? 'true' : nothing}
      aria-describedby=${showMissing ? 'disposition-error' : nothing}
      @change=${on.dispositionChanged}
    >
      <option value="" .selected=${record.code === ''}>${msg('Choose a disposition')}</option>
      ${view.dispositions.map(
        (option) => html`<option value=${option.code} .selected=${option.code === record.code}>${option.label}</option>`,
      )}
    </select>
    ${showMissing ? html`<p id="disposition-error" part="error" class="error">${missingDispositionMessage()}</p>` : nothing}
  </div>`;
}

function renderTags(view: WrapUpView, record: DispositionRecord, disabled: boolean, on: WrapUpFieldHandlers) {
  return html`<fieldset part="tags">
    <legend>${msg('Tags')}</legend>
    ${view.tags.map(
      (tag) => html`<label class="tag">
        <input
          type="checkbox"
          part="tag"
          value=${tag}
          ?disabled=${disabled}
          .checked=${live(record.tags.includes(tag))}
          @change=${on.tagChanged}
        />${tag}
      </label>`,
    )}
  </fieldset>`;
}
