import { RosterAuditLog } from './audit-log.js';

if (!customElements.get('roster-audit-log')) customElements.define('roster-audit-log', RosterAuditLog);

declare global {
  interface HTMLElementTagNameMap {
    'roster-audit-log': RosterAuditLog;
  }
}
