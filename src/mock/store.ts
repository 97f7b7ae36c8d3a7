/**
 * The reference API's in-memory state: account, profiles, tasks, events, mail, idempotency
 * records. Lists stay cheap with 100,000 profiles: each sort keeps an ordered index that writes
 * update in place (binary search + splice) instead of re-sorting per request.
 */
import type { RosterEvent, Task, User, UserSort } from '../sdk/schemas.js';
import type {
  AccountState,
  AuditEntry,
  CursorPosition,
  IdempotencyRecord,
  OutboxMail,
  UserFilter,
  UserSecrets,
  VerificationToken,
} from '../core/storage.js';
import { personKey } from '../core/email.js';

/** Folds case, accents and a few letters without decomposition, so `jurgen weiss` finds `Jürgen Weiß`. */
export function fold(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[œ]/g, 'oe')
    .replace(/[ø]/g, 'o')
    .replace(/[đ]/g, 'd')
    .replace(/[ł]/g, 'l');
}

type SortField = 'name' | 'createdAt' | 'creditsSpent';
interface Entry {
  key: string | number;
  id: string;
  user: User;
  /** Folded name and email for `q`, worked out on first search. */
  haystack?: string;
}

type Position = Pick<Entry, 'key' | 'id'>;

const compareEntries = (a: Position, b: Position) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** First index whose entry sorts after `probe` (or at it, when `inclusive`). */
function lowerBound(entries: Entry[], probe: Position, inclusive = false): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order = compareEntries(entries[mid]!, probe);
    if (order < 0 || (!inclusive && order === 0)) low = mid + 1;
    else high = mid;
  }
  return low;
}

// Names repeat (and folding is the slow part of sorting 100,000 of them), so fold each once.
const foldedNames = new Map<string, string>();
function nameKey(user: User): string {
  const name = `${user.firstName} ${user.lastName}`;
  let key = foldedNames.get(name);
  if (key === undefined) {
    if (foldedNames.size > 50_000) foldedNames.clear();
    key = fold(name);
    foldedNames.set(name, key);
  }
  return key;
}
const haystackOf = (entry: Entry) => (entry.haystack ??= `${nameKey(entry.user)} ${fold(entry.user.email)}`);
const SORT_KEYS: Record<SortField, (user: User) => string | number> = {
  name: nameKey,
  createdAt: (user) => user.createdAt,
  creditsSpent: (user) => user.creditsSpent,
};

export interface UserPageRequest extends UserFilter {
  sort: UserSort;
  limit: number;
  after: CursorPosition | null;
}

export class Store {
  readonly users = new Map<string, User>();
  readonly tasks = new Map<string, Task>();
  readonly outbox: OutboxMail[] = [];
  /** By token. */
  readonly verificationTokens = new Map<string, VerificationToken>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly secrets = new Map<string, UserSecrets>();
  /** Newest last. */
  readonly audit: AuditEntry[] = [];
  accountPasswordHash: string | null = null;
  /** Pending profiles of the initial data whose verification mail is still to be sent. */
  readonly awaitingMail: string[] = [];
  private readonly userIdsByEmail = new Map<string, string>();
  private readonly events = new Map<string, RosterEvent[]>();
  private readonly indexes = new Map<SortField, Entry[]>();
  private readonly totals = new Map<string, number>();
  private sequence = 0;

  /**
   * @param history builds the past events of a profile of the initial data on first use, from
   *   the profile as it was then (so a later edit cannot change its past).
   */
  constructor(
    readonly account: AccountState,
    private readonly history?: (user: User) => RosterEvent[],
  ) {}

  /** A new id, never one the initial data already uses. */
  nextId(prefix: string): string {
    let id: string;
    do {
      this.sequence += 1;
      id = `${prefix}_${this.sequence.toString(36).padStart(5, '0')}`;
    } while (this.users.has(id) || this.tasks.has(id));
    return id;
  }

  // ---- Profiles ----------------------------------------------------------------------------

  userByEmail(email: string): User | undefined {
    const id = this.userIdsByEmail.get(personKey(email));
    return id === undefined ? undefined : this.users.get(id);
  }

  owner(): User {
    for (const user of this.users.values()) if (user.role === 'owner') return user;
    throw new Error('The account has no owner.');
  }

  /** Adds a profile; `initial` ones may have a history, new ones start with none. */
  addUser(user: User, initial = false): void {
    this.users.set(user.id, user);
    if (!initial || !this.history) this.events.set(user.id, []);
    this.userIdsByEmail.set(personKey(user.email), user.id);
    for (const [field, entries] of this.indexes) {
      const entry = { key: SORT_KEYS[field](user), id: user.id, user };
      entries.splice(lowerBound(entries, entry), 0, entry);
    }
    this.totals.clear();
  }

  /** Stores a changed profile: a new object, so references handed out earlier stay as they were. */
  replaceUser(next: User): void {
    const previous = this.users.get(next.id);
    if (!previous) throw new Error(`No profile ${next.id}`);
    this.eventsOf(previous.id);
    this.users.set(next.id, next);
    for (const [field, entries] of this.indexes) {
      const at = lowerBound(entries, { key: SORT_KEYS[field](previous), id: next.id }, true);
      const entry = { key: SORT_KEYS[field](next), id: next.id, user: next };
      if (entry.key === entries[at]!.key) entries[at] = entry;
      else {
        entries.splice(at, 1);
        entries.splice(lowerBound(entries, entry), 0, entry);
      }
    }
    this.totals.clear();
  }

  removeUser(id: string): void {
    const user = this.users.get(id);
    if (!user) return;
    this.users.delete(id);
    this.userIdsByEmail.delete(personKey(user.email));
    for (const [field, entries] of this.indexes) {
      entries.splice(lowerBound(entries, { key: SORT_KEYS[field](user), id }, true), 1);
    }
    this.events.delete(id);
    this.secrets.delete(id);
    for (const [hash, token] of this.verificationTokens) if (token.userId === id) this.verificationTokens.delete(hash);
    this.totals.clear();
  }

  private index(field: SortField): Entry[] {
    let entries = this.indexes.get(field);
    if (!entries) {
      const keyOf = SORT_KEYS[field];
      entries = Array.from(this.users.values(), (user): Entry => ({ key: keyOf(user), id: user.id, user }));
      entries.sort(compareEntries);
      this.indexes.set(field, entries);
    }
    return entries;
  }

  private matcher({ q, role, status }: UserFilter): ((entry: Entry) => boolean) | null {
    const terms = q ? fold(q).split(/\s+/).filter(Boolean) : [];
    if (!terms.length && !role && !status) return null;
    return (entry) => {
      const { user } = entry;
      if ((role && user.role !== role) || (status && user.status !== status)) return false;
      if (!terms.length) return true;
      const haystack = haystackOf(entry);
      return terms.every((term) => haystack.includes(term));
    };
  }

  /**
   * One page of profiles after `after`, with the position of its last item when more follow.
   * Filtered totals are counted in the same pass and kept until the next write.
   */
  pageUsers(request: UserPageRequest): { items: User[]; total: number; next: CursorPosition | null } {
    const descending = request.sort.startsWith('-');
    const entries = this.index(request.sort.replace('-', '') as SortField);
    const matches = this.matcher(request);
    const totalKey = JSON.stringify([request.q ?? '', request.role ?? '', request.status ?? '']);
    const knownTotal = matches ? this.totals.get(totalKey) : this.users.size;
    const step = descending ? -1 : 1;
    let start = descending ? entries.length - 1 : 0;
    if (request.after) {
      const probe = { key: request.after[0], id: request.after[1] };
      start = descending ? lowerBound(entries, probe, true) - 1 : lowerBound(entries, probe);
    }
    const items: User[] = [];
    let last: Entry | null = null;
    let more = false;
    let total = 0;
    // Without a known total the scan covers everything (counting); otherwise it stops after the page.
    let i = knownTotal === undefined ? (descending ? entries.length - 1 : 0) : start;
    for (; i >= 0 && i < entries.length; i += step) {
      const entry = entries[i]!;
      if (matches && !matches(entry)) continue;
      total += 1;
      if (descending ? i > start : i < start) continue;
      if (items.length < request.limit) {
        items.push(entry.user);
        last = entry;
      } else {
        more = true;
        if (knownTotal !== undefined) break;
      }
    }
    if (knownTotal === undefined) this.totals.set(totalKey, total);
    return { items, total: knownTotal ?? total, next: more && last ? [last.key, last.id] : null };
  }

  // ---- Events ------------------------------------------------------------------------------

  /** A profile's events, newest first. Histories of the initial data are built on first use. */
  eventsOf(userId: string): RosterEvent[] {
    let events = this.events.get(userId);
    if (!events) {
      const user = this.users.get(userId);
      events = user && this.history ? this.history(user) : [];
      this.events.set(userId, events);
    }
    return events;
  }

  addEvent(userId: string, event: RosterEvent): void {
    this.eventsOf(userId).unshift(event);
  }
}
