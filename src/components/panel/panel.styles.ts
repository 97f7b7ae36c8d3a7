import { css } from 'lit';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { tokenStyles } from '../styles/tokens.styles.js';
import { toastStyles } from './panel-toast.js';

const panelStyles = css`
  :host {
    container: roster-panel / inline-size;
    /* Every block in the panel's own box (live regions included): nothing lengthens the page below it. */
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--roster-panel-gap, var(--_space-l));
  }
  .views {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-l);
    border-block-end: 1px solid var(--_color-border);
  }
  .layout {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .list-pane {
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
    min-inline-size: 0;
  }
  .list-pane roster-user-list {
    --roster-user-list-sticky-top: var(--roster-panel-sticky-top, 0px);
  }
  /* An open user: a sheet in the list's place, as wide as reads well, scrolling with the page. */
  .detail {
    display: flex;
    flex-direction: column;
    inline-size: 100%;
    max-inline-size: var(--roster-panel-detail-max-width, 72rem);
    min-inline-size: 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-l);
    background: var(--_color-surface);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.04);
    scroll-margin-block-start: calc(var(--roster-panel-sticky-top, 0px) + var(--_space-m));
  }
  .detail-header {
    display: grid;
    gap: var(--_space-m);
    padding: var(--_space-m) var(--_space-xl) var(--_space-l);
    border-block-end: 1px solid var(--_color-border);
  }
  .back-button {
    justify-self: start;
    margin-inline-start: calc(var(--_space-s) * -1);
    color: var(--_color-text-muted);
  }
  .back-button svg {
    inline-size: 1rem;
    block-size: 1rem;
  }
  .identity {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-m) var(--_space-l);
    min-inline-size: 0;
  }
  .identity-text {
    flex: 1 1 14rem;
    min-inline-size: 0;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 3.25rem;
    block-size: 3.25rem;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_color-accent) 16%, var(--_color-surface));
    color: color-mix(in srgb, var(--_color-accent) 78%, var(--_color-text));
    font-size: var(--_font-size-l);
    font-weight: var(--_font-weight-strong);
  }
  .avatar svg {
    inline-size: 1.2rem;
  }
  .detail-title {
    margin: 0;
    font-size: calc(var(--_font-size-l) * 1.15);
    font-weight: var(--_font-weight-strong);
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .detail-title:focus {
    outline: none;
  }
  .detail-title:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
    border-radius: var(--_radius-s);
  }
  .detail-subtitle,
  .own-profile {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
    overflow-wrap: anywhere;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  /* A long status ("Verifizierung gesendet") wraps at large text rather than widen the header. */
  .badge {
    white-space: normal;
  }
  .read-only svg {
    inline-size: 0.8rem;
    block-size: 0.8rem;
  }
  /* Tabs that do not fit wrap to a second line: every tab stays in view. */
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-l);
    padding-inline: var(--_space-xl);
    border-block-end: 1px solid var(--_color-border);
  }
  .tab {
    position: relative;
    padding: var(--_space-m) 0;
    border: 0;
    background: none;
    color: var(--_color-text-muted);
    font: inherit;
    font-weight: var(--_font-weight-medium);
    cursor: pointer;
  }
  .tab:hover,
  .tab[aria-selected='true'],
  .tab[aria-current='page'] {
    color: var(--_color-text);
  }
  .tab[aria-selected='true']::after,
  .tab[aria-current='page']::after {
    content: '';
    position: absolute;
    inset-inline: 0;
    inset-block-end: -1px;
    block-size: 2px;
    border-radius: 2px;
    background: var(--_color-accent);
  }
  .tab:focus-visible {
    border-radius: var(--_radius-s);
  }
  /* One long word ("Änderungsprotokoll") on a narrow panel at 200 % text: break it rather than clip it. */
  .views .tab {
    max-inline-size: 100%;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .tab-panel {
    padding: var(--_space-l) var(--_space-xl) var(--_space-xl);
  }
  .tab-panel:focus-visible {
    outline-offset: -2px;
  }
  .shared-tasks {
    display: grid;
    gap: var(--_space-s);
  }
  .view-title {
    margin: 0;
    font-size: var(--_font-size-l);
    font-weight: var(--_font-weight-strong);
  }
  .shared-tasks .hint {
    margin: 0 0 var(--_space-s);
  }
  /* The panel's own header says who is open: the editor's would repeat it. */
  roster-user-editor::part(header) {
    display: none;
  }
  @container roster-panel (max-width: 40rem) {
    .detail {
      border-radius: var(--_radius-m, var(--_radius-l));
    }
    .detail-header,
    .tab-panel,
    .tabs {
      padding-inline: var(--_space-m);
    }
    .avatar {
      inline-size: 2.75rem;
      block-size: 2.75rem;
      font-size: var(--_font-size-m);
    }
  }
`;

export const styles = [tokenStyles, hostStyles, ...controlStyles, panelStyles, toastStyles];
