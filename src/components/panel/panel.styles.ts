import { css } from 'lit';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { tokenStyles } from '../styles/tokens.styles.js';
import { accountPasswordStyles } from './account-password.js';

const panelStyles = css`
  :host {
    container: roster-panel / inline-size;
    /* A column: the team / audit log switch (when shown) above the view, which takes the rest. */
    display: flex;
    flex-direction: column;
  }
  .layout,
  roster-audit-log {
    flex: 1 1 auto;
  }
  .views {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-l);
    margin-block-end: var(--_space-m);
    border-block-end: 1px solid var(--_color-border);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1.2fr) var(--roster-panel-detail-width, minmax(24rem, 0.9fr));
    gap: var(--roster-panel-gap, var(--_space-l));
    block-size: 100%;
    min-block-size: var(--roster-panel-min-height, 36rem);
  }
  .list-pane,
  .detail {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    min-block-size: 0;
  }
  .list-pane roster-user-list {
    flex: 1 1 auto;
  }
  .detail {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-l);
    background: var(--_color-surface);
    overflow: hidden;
  }
  .detail-header {
    flex: none;
    display: grid;
    gap: var(--_space-m);
    padding: var(--_space-l) var(--_space-l) var(--_space-m);
    background: var(--_color-surface-raised);
    border-block-end: 1px solid var(--_color-border);
  }
  .back-button {
    justify-self: start;
    margin-inline-start: calc(var(--_space-s) * -1);
  }
  .identity {
    display: flex;
    align-items: center;
    gap: var(--_space-m);
    min-inline-size: 0;
  }
  .identity-text {
    flex: 1;
    min-inline-size: 0;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_color-accent) 16%, var(--_color-surface));
    color: color-mix(in srgb, var(--_color-accent) 78%, var(--_color-text));
    font-weight: var(--_font-weight-strong);
  }
  .avatar svg {
    inline-size: 1.1rem;
  }
  .detail-title {
    margin: 0;
    font-size: var(--_font-size-l);
    font-weight: var(--_font-weight-strong);
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .detail-subtitle,
  .own-profile {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
    overflow-wrap: anywhere;
  }
  .close-button {
    align-self: flex-start;
    margin-inline-end: calc(var(--_space-s) * -1);
    color: var(--_color-text-muted);
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
  /* Tabs that do not fit wrap to a second line: every tab stays in view. */
  .tabs {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-l);
    padding-inline: var(--_space-l);
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
    flex: 1 1 auto;
    min-block-size: 0;
    padding: var(--_space-l);
    overflow: auto;
  }
  .placeholder {
    display: grid;
    place-content: center;
    justify-items: center;
    gap: var(--_space-s);
    flex: 1;
    padding: var(--_space-xl);
    text-align: center;
  }
  .placeholder svg {
    inline-size: 3rem;
    block-size: 3rem;
    margin-block-end: var(--_space-s);
    fill: none;
    stroke: color-mix(in srgb, var(--_color-text-muted) 60%, transparent);
    stroke-width: 2;
    stroke-linecap: round;
  }
  .flip-rtl:dir(rtl) {
    scale: -1 1;
  }
  /* A viewer who may not see the team: the "no access" notice as a banner above their own profile. */
  .layout[data-scope='own'] {
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: auto minmax(0, 1fr);
  }
  .layout[data-scope='own'] .list-pane {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-l);
    background: var(--_color-surface-raised);
  }
  /* The panel's own header says who is open: the editor's would repeat it. */
  roster-user-editor::part(header) {
    display: none;
  }
  @container roster-panel (min-width: 640px) {
    .back-button {
      display: none;
    }
  }
  /* Up to 75rem the list keeps the whole width until a user opens; wider, the detail column stays. */
  @container roster-panel (max-width: 74.99rem) {
    .layout[data-view='list'] {
      grid-template-columns: minmax(0, 1fr);
    }
    .layout[data-view='list'] .detail {
      display: none;
    }
  }
  @container roster-panel (max-width: 639.98px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .layout[data-view='detail']:not([data-scope='own']) .list-pane,
    .close-button {
      display: none;
    }
    .detail-header,
    .tab-panel,
    .tabs {
      padding-inline: var(--_space-m);
    }
  }
`;

export const styles = [tokenStyles, hostStyles, ...controlStyles, panelStyles, ...accountPasswordStyles];
