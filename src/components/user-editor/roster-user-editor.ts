import '../access-grants/roster-access-grants.js';
import { RosterUserEditor } from './user-editor.js';

if (!customElements.get('roster-user-editor')) customElements.define('roster-user-editor', RosterUserEditor);

declare global {
  interface HTMLElementTagNameMap {
    'roster-user-editor': RosterUserEditor;
  }
}
