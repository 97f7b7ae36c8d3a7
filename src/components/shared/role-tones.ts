import type { Role } from '../../sdk/index.js';

/** The badge tone (`data-tone`) of each role, the same in the list, the panel and the statistics. */
export const ROLE_TONES: Record<Role, string> = {
  owner: 'accent',
  manager: 'success',
  specialist: 'neutral',
  guest: 'warning',
};
