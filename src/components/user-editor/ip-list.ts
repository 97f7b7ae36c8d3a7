/**
 * The allowed-IPs list editor: one row per entry (editable, validated and canonicalised as it is
 * left, removable), and an add field that takes one entry or a pasted list.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { type EditorView, describedBy, fieldError, idOf, invalid } from './field-view.js';
import { splitIpList } from './form-state.js';

const removeIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"><path d="M4 4l8 8M12 4l-8 8"/></svg>`;

function handleAddKeydown(view: EditorView, event: KeyboardEvent) {
  if (event.key !== 'Enter') return;
  // Enter adds the entry instead of sending the whole form.
  event.preventDefault();
  view.addIps((event.target as HTMLInputElement).value);
}

function handleAddPaste(view: EditorView, event: ClipboardEvent) {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (splitIpList(text).length < 2) return;
  event.preventDefault();
  const input = event.target as HTMLInputElement;
  view.addIps(`${input.value} ${text}`);
}

export function renderIpList(view: EditorView) {
  const { t, values } = view;
  const hintId = `${idOf('allowedIps')}-hint`;
  return html`<fieldset class="group ip-list" part="allowed-ips">
    <legend class="label">${t.editor.allowedIps} <span class="muted">${t.editor.optional}</span></legend>
    <p class="hint" id=${hintId}>${t.editor.allowedIpsHint}</p>
    ${values.allowedIps.length
      ? html`<ul class="ip-entries" role="list">
          ${values.allowedIps.map((entry, index) => {
            const field = `allowedIps.${index}`;
            return html`<li class="ip-entry" part="ip-entry">
              <div class="ip-row">
                <input class="input mono" part="input" id=${idOf(field)} data-field=${field} dir="ltr" autocomplete="off" spellcheck="false"
                  aria-label=${t.editor.ipLabel(index + 1)} .value=${live(entry)}
                  aria-invalid=${invalid(view, field)} aria-describedby=${describedBy(view, field)} />
                <button type="button" class="button icon ghost" part="remove-ip-button" aria-label=${t.editor.removeIp(entry || String(index + 1))}
                  @click=${() => view.removeIp(index)}>${removeIcon}</button>
              </div>
              ${fieldError(view, field, (fix) => view.replaceIp(index, fix))}
            </li>`;
          })}
        </ul>`
      : nothing}
    <div class="ip-row">
      <input class="input mono" part="input" id=${idOf('allowedIps-new')} dir="ltr" autocomplete="off" spellcheck="false"
        aria-label=${t.editor.addIpLabel} aria-describedby=${hintId} placeholder="203.0.113.0/24" .value=${live(view.ipDraft)}
        @input=${(event: Event) => view.setIpDraft((event.target as HTMLInputElement).value)}
        @keydown=${(event: KeyboardEvent) => handleAddKeydown(view, event)}
        @paste=${(event: ClipboardEvent) => handleAddPaste(view, event)} />
      <button type="button" class="button" part="add-ip-button" ?disabled=${!view.ipDraft.trim()}
        @click=${() => view.addIps(view.ipDraft)}>${t.editor.addIp}</button>
    </div>
  </fieldset>`;
}
