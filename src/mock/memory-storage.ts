/**
 * The storage interface in memory, for the reference API: one `Store` per account, and one
 * transaction at a time (a queue), so a request's reads and writes never interleave with
 * another's. Handlers validate before they write, so there is nothing to roll back.
 */
import { fold } from './store.js';
import type { Store } from './store.js';
import { canSeeTask } from '../core/rules.js';
import type {
  AccountTx,
  AuditEntry,
  CursorPosition,
  PageRequest,
  PageResult,
  Storage,
  TaskFilter,
} from '../core/storage.js';
import type { RosterEvent, Task } from '../sdk/schemas.js';

/** Pages a small, already ordered list by the position of the last item returned. */
function pageOf<T extends { id: string }>(
  ordered: T[],
  keyOf: (item: T) => string | number,
  descending: boolean,
  page: PageRequest,
): PageResult<T> {
  const after = page.after;
  const sign = descending ? -1 : 1;
  const order = (item: T, key: string | number, id: string) => {
    const own = keyOf(item);
    return sign * (own < key ? -1 : own > key ? 1 : item.id < id ? -1 : item.id > id ? 1 : 0);
  };
  const start = after ? ordered.findIndex((item) => order(item, after[0], after[1]) > 0) : 0;
  const items = start === -1 ? [] : ordered.slice(start, start + page.limit);
  const more = start !== -1 && start + page.limit < ordered.length;
  const last = items[items.length - 1];
  const next: CursorPosition | null = more && last ? [keyOf(last), last.id] : null;
  return { items, total: ordered.length, next };
}

function sortBy<T extends { id: string }>(items: T[], keyOf: (item: T) => string | number, descending: boolean): T[] {
  const sign = descending ? -1 : 1;
  return items.sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

const copy = <T>(value: T): T => structuredClone(value);

function accountTx(store: Store, all: () => Iterable<Store>): AccountTx {
  const tasksOf = (filter: TaskFilter) => {
    const terms = filter.q ? fold(filter.q).split(/\s+/).filter(Boolean) : [];
    return [...store.tasks.values()].filter(
      (task) =>
        (!filter.visibleTo || canSeeTask(filter.visibleTo as Parameters<typeof canSeeTask>[0], task)) &&
        (!filter.toolId || task.toolId === filter.toolId) &&
        (!filter.ownerId || task.ownerId === filter.ownerId) &&
        (!filter.shared || filter.shared.shared === (task.ownerId !== filter.shared.viewerId)) &&
        terms.every((term) => fold(task.name).includes(term)),
    );
  };
  return {
    accountId: store.account.id,
    account: async () => copy(store.account),
    updateAccount: async (change) => {
      Object.assign(store.account, copy(change));
    },
    accountPasswordHash: async () => store.accountPasswordHash,
    setAccountPasswordHash: async (hash) => {
      store.accountPasswordHash = hash;
    },

    user: async (id) => store.users.get(id) ?? null,
    emailTaken: async (personKey) => [...all()].some((other) => other.userByEmail(personKey) !== undefined),
    userByPersonKey: async (personKey) => store.userByEmail(personKey) ?? null,
    owner: async () => store.owner(),
    countUsers: async () => store.users.size,
    pageUsers: async (request) => store.pageUsers(request),
    newId: async (prefix) => store.nextId(prefix),
    insertUser: async (user, secrets) => {
      store.addUser(user);
      store.secrets.set(user.id, { ...secrets });
    },
    updateUser: async (user) => store.replaceUser(user),
    deleteUser: async (id) => store.removeUser(id),
    userSecrets: async (id) => ({ passwordHash: null, ...store.secrets.get(id) }),
    setUserSecrets: async (id, secrets) => {
      store.secrets.set(id, { ...secrets });
    },

    task: async (id) => store.tasks.get(id) ?? null,
    tasksById: async (ids) =>
      new Map(ids.flatMap((id) => (store.tasks.has(id) ? [[id, store.tasks.get(id)!] as const] : []))),
    pageTasks: async (filter, page) => {
      const keyOf = filter.order === 'name' ? (task: Task) => fold(task.name) : (task: Task) => task.createdAt;
      const descending = filter.order === 'createdAt';
      return pageOf(sortBy(tasksOf(filter), keyOf, descending), keyOf, descending, page);
    },
    countTasksOwned: async (userId) => tasksOf({ ownerId: userId, order: 'createdAt' }).length,
    tasksOwnedBy: async (userId) => tasksOf({ ownerId: userId, order: 'createdAt' }).map((task) => task.id),
    insertTask: async (task) => {
      store.tasks.set(task.id, task);
    },
    transferTasks: async (from, to) => {
      for (const task of store.tasks.values())
        if (task.ownerId === from) store.tasks.set(task.id, { ...task, ownerId: to });
    },
    deleteTasksOf: async (userId) => {
      const ids = tasksOf({ ownerId: userId, order: 'createdAt' }).map((task) => task.id);
      for (const id of ids) store.tasks.delete(id);
      return ids;
    },
    usersGrantedAny: async (taskIds) => {
      const wanted = new Set(taskIds);
      return [...store.users.values()].filter((user) => user.access.tasks.some((ref) => wanted.has(ref.taskId)));
    },

    pageEvents: async (userId, { type, from, to }, page) => {
      const matching = store
        .eventsOf(userId)
        .filter((event) => (!type || event.type === type) && (!from || event.at >= from) && (!to || event.at < to));
      const keyOf = (event: RosterEvent) => event.at;
      return pageOf(sortBy(matching, keyOf, true), keyOf, true, page);
    },
    insertEvent: async (userId, event) => store.addEvent(userId, event),
    lastActiveAt: async (userId) =>
      store
        .eventsOf(userId)
        .reduce<string | null>((latest, event) => (latest === null || event.at > latest ? event.at : latest), null),

    idempotency: async (key) => store.idempotency.get(key) ?? null,
    putIdempotency: async (key, record) => {
      store.idempotency.set(key, record);
    },

    insertVerificationToken: async (token) => {
      store.verificationTokens.set(token.token, { ...token });
    },
    verificationToken: async (token) => copy(store.verificationTokens.get(token) ?? null),
    replaceVerificationTokens: async (userId, at) => {
      for (const token of store.verificationTokens.values()) {
        if (token.userId === userId && !token.usedAt && !token.replacedAt) token.replacedAt = at;
      }
    },
    useVerificationToken: async (token, at) => {
      const stored = store.verificationTokens.get(token);
      if (stored) stored.usedAt = at;
    },

    // The reference API sends nothing: a mail counts as sent when written.
    enqueueMail: async (mail) => {
      store.outbox.push({ ...mail, sentAt: mail.sentAt ?? mail.createdAt });
    },
    insertAudit: async (entry) => {
      store.audit.push(entry);
    },
    pageAudit: async (filter, page) => {
      const matching = store.audit.filter(
        (entry) =>
          (!filter.actorId || entry.actor.id === filter.actorId) &&
          (!filter.targetId || entry.targetId === filter.targetId) &&
          (!filter.action || entry.action === filter.action) &&
          (!filter.from || entry.at >= filter.from) &&
          (!filter.to || entry.at < filter.to),
      );
      const keyOf = (entry: AuditEntry) => entry.at;
      return pageOf(sortBy(matching, keyOf, true), keyOf, true, page);
    },
  };
}

export function createMemoryStorage(stores: Store[]): Storage & { store(accountId: string): Store } {
  const byId = new Map(stores.map((store) => [store.account.id, store]));
  let queue: Promise<unknown> = Promise.resolve();
  const transaction = <T>(accountId: string, work: (tx: AccountTx) => Promise<T>): Promise<T> => {
    const run = queue.then(() => {
      const store = byId.get(accountId);
      if (!store) throw new Error(`No account ${accountId}`);
      return work(accountTx(store, () => byId.values()));
    });
    queue = run.catch(() => {});
    return run;
  };
  return {
    read: transaction,
    write: transaction,
    accountOfVerificationToken: async (token) => {
      for (const store of byId.values()) if (store.verificationTokens.has(token)) return store.account.id;
      return null;
    },
    accountOfEmail: async (personKey) => {
      for (const store of byId.values()) if (store.userByEmail(personKey)) return store.account.id;
      return null;
    },
    close: async () => {},
    store: (accountId) => byId.get(accountId)!,
  };
}
