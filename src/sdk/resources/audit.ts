import { type Http, type RequestOptions, iterateItems } from '../http.js';
import { AuditEntrySchema, PageSchema, type AuditAction, type AuditEntry, type Page } from '../schemas.js';

/** Query of `audit.list` and `audit.iterate`. */
export interface AuditQuery {
  /** Only changes made by this user. */
  actorId?: string;
  /** Only changes made to this user. */
  targetId?: string;
  action?: AuditAction;
  /** Earliest time, inclusive (RFC 3339 or a Date). */
  from?: string | Date;
  /** Latest time, exclusive (RFC 3339 or a Date). */
  to?: string | Date;
  /** Page size, 1–200; the server's default is 50. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** `client.audit`: who changed what on whom (v1.1; needs `users:read`). */
export interface AuditResource {
  /** One page of entries matching `query`, newest first. */
  list(query?: AuditQuery, options?: RequestOptions): Promise<Page<AuditEntry>>;
  /** Every entry matching `query`, page after page, newest first. */
  iterate(query?: AuditQuery, options?: RequestOptions): AsyncGenerator<AuditEntry, void, undefined>;
}

const AuditPageSchema = PageSchema(AuditEntrySchema);

/** Builds `client.audit` over the transport. */
export function auditResource(http: Http): AuditResource {
  const audit: AuditResource = {
    list: (query = {}, { signal } = {}) =>
      http.request({ method: 'GET', path: 'audit', query, signal }, AuditPageSchema),
    iterate: (query = {}, options) => iterateItems(audit.list, query, options),
  };
  return audit;
}
