import type { Changes } from '../changes.js';
import type { Http, RequestOptions } from '../http.js';

/** `client.account`: the account as a whole. */
export interface AccountResource {
  /**
   * Sets the shared account password (owner only, `shared` password mode). The password is
   * sent once and kept nowhere: not in errors, not in the change notification. Emits `password-set`.
   */
  setPassword(password: string, options?: RequestOptions): Promise<void>;
}

/** Builds `client.account` over the transport; writes report to `changes`. */
export function accountResource(http: Http, changes: Changes): AccountResource {
  return {
    async setPassword(password, { signal } = {}) {
      await http.request({ method: 'PUT', path: 'account/password', json: { password }, signal });
      changes.emit({ type: 'password-set' });
    },
  };
}
