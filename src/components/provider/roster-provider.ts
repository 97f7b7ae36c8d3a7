import { RosterProvider } from './provider.js';

if (!customElements.get('roster-provider')) customElements.define('roster-provider', RosterProvider);

declare global {
  interface HTMLElementTagNameMap {
    'roster-provider': RosterProvider;
  }
}
