/**
 * The allowed-IPs list editor: one row per entry (editable, validated and canonicalised as it is
 * left, removable), an add field that takes one entry or a pasted list, and, when the form gives
 * the viewer's own address, that address with "Add it" and a warning when the list leaves it out.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { ipAllowed, parseAllowedIp } from '../../sdk/rules.js';
import { describedBy, fieldError, idOf, invalid, readOnlyField } from './field-view.js';
import { addClientIp, addIps, removeIp, replaceIp } from './form-input.js';
import { canonicalIps, splitIpList } from './form-state.js';
import type { Catalog } from '../localize/en.js';
import type { EditorForm } from './form-controller.js';

const removeIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"><path d="M4 4l8 8M12 4l-8 8"/></svg>`;

function handleAddKeydown(form: EditorForm, event: KeyboardEvent) {
  if (event.key !== 'Enter') return;
  // Enter adds the entry instead of sending the whole form.
  event.preventDefault();
  addIps(form, (event.target as HTMLInputElement).value);
}

function handleAddPaste(form: EditorForm, event: ClipboardEvent) {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (splitIpList(text).length < 2) return;
  event.preventDefault();
  addIps(form, `${(event.target as HTMLInputElement).value} ${text}`);
}

/** "Your current IP: …" with "Add it" (unless the list already allows it), and a warning when a list leaves it out. */
function renderClientIp(form: EditorForm, t: Catalog) {
  // Only a single address can be "yours": a form passing anything else gets no line rather than a wrong one.
  const parsed = parseAllowedIp(form.host.clientIp ?? '');
  if (!parsed.ok || parsed.value.includes('/')) return nothing;
  const ip = parsed.value;
  const strings = t.editor;
  const listed = canonicalIps(form.values.allowedIps);
  const covered = listed.length > 0 && ipAllowed(ip, listed);
  const id = idOf('clientIp');
  return html`<div class="client-ip" part="note">
    <p class="client-ip-line" id=${id}>
      <span>${strings.clientIp}</span> <span class="mono" dir="ltr">${ip}</span>
      ${covered ? html`<span class="muted">${strings.clientIpCovered}</span>` : nothing}
    </p>
    ${
      covered
        ? nothing
        : html`<button type="button" class="button small" part="button" aria-describedby=${id}
          @click=${() => addClientIp(form, ip)}>${strings.addClientIp}</button>`
    }
    ${
      listed.length && !covered
        ? html`<p class="notice client-ip-warning" data-tone="warning" part="alert" id="${id}-warning">${strings.clientIpOutside}</p>`
        : nothing
    }
  </div>`;
}

export function renderIpList(form: EditorForm, t: Catalog) {
  const { values, ipDraft } = form;
  const strings = t.editor;
  if (form.readOnly) {
    const ips = values.allowedIps;
    return readOnlyField(
      strings.allowedIps,
      ips.length ? html`<span class="mono">${ips.join(', ')}</span>` : strings.review.anyIp,
      ips.length ? 'ltr' : undefined,
    );
  }
  const hintId = `${idOf('allowedIps')}-hint`;
  return html`<fieldset class="group ip-list" part="group">
    <legend class="label">${strings.allowedIps} <span class="muted">${strings.optional}</span></legend>
    <p class="hint" id=${hintId} part="hint">${strings.allowedIpsHint}</p>
    ${
      values.allowedIps.length
        ? html`<ul class="ip-entries" role="list">
          ${values.allowedIps.map((entry, index) => {
            const field = `allowedIps.${index}`;
            return html`<li class="ip-entry" part="item">
              <div class="ip-row">
                <input class="input mono" part="input" id=${idOf(field)} data-field=${field} dir="ltr" autocomplete="off" spellcheck="false"
                  aria-label=${strings.ipLabel(index + 1)} .value=${live(entry)}
                  aria-invalid=${invalid(form, field)} aria-describedby=${describedBy(form, field)} />
                <button type="button" class="button icon ghost" part="button button-icon" aria-label=${strings.removeIp(entry || String(index + 1))}
                  @click=${() => removeIp(form, index)}>${removeIcon}</button>
              </div>
              ${fieldError(form, t, field, (fix) => replaceIp(form, index, fix))}
            </li>`;
          })}
        </ul>`
        : nothing
    }
    <div class="ip-row">
      <input class="input mono" part="input" id=${idOf('allowedIps-new')} dir="ltr" autocomplete="off" spellcheck="false"
        aria-label=${strings.addIpLabel} aria-describedby=${hintId} placeholder="203.0.113.0/24" .value=${live(ipDraft)}
        @input=${(event: Event) => (form.ipDraft = (event.target as HTMLInputElement).value)}
        @keydown=${(event: KeyboardEvent) => handleAddKeydown(form, event)}
        @paste=${(event: ClipboardEvent) => handleAddPaste(form, event)} />
      <button type="button" class="button" part="button" ?disabled=${!ipDraft.trim()}
        @click=${() => addIps(form, form.ipDraft)}>${strings.addIp}</button>
    </div>
    ${renderClientIp(form, t)}
  </fieldset>`;
}
