/**
 * The demo data set: Nordlicht Analytics GmbH, a Hamburg SEO agency on the enterprise plan
 * (per-user passwords). Deterministic: a seeded PRNG and a fixed "now" give the same team, tasks
 * and weeks of events on every run. Extra profiles for benchmarks (`demoUsers`) are generated in
 * one pass; their event histories are built only when someone asks for them.
 */
import type { RosterEvent, Task, Tool, User } from '../sdk/schemas.js';
import { hash53, seededRandom } from '../core/http.js';
import { Store } from './store.js';

const DOMAIN = 'nordlicht.de';
const NOW = Date.parse('2026-11-20T09:00:00Z');
const DAY = 86_400_000;
const HISTORY_DAYS = 42;

/** Emails of active demo profiles, one per role, for the demo's "view as" switch and tests. */
export const DEMO_VIEWERS = {
  owner: 'greta.hoffmann@nordlicht.de',
  manager: 'juergen.weiss@nordlicht.de',
  /** Has Rank Tracker and Keyword Research and a credit limit. */
  specialist: 'sophie.becker@nordlicht.de',
  /** Has two granted tasks. */
  guest: 'emily.carter@nordlicht.de',
} as const;

/**
 * Everyone's password in the demo data: each profile's own in `per-user` mode (Oliver Brooks, still
 * pending, has none yet: he chooses one at verification), the account password in `shared` mode.
 */
export const DEMO_PASSWORD = 'nordlicht-demo-2026';
// Its salted hash as `demoPasswords` makes one (src/mock/passwords.ts), worked out once: the store is
// built synchronously and WebCrypto only hashes asynchronously.
const DEMO_PASSWORD_HASH = 'sha256$nordlichtdemo$qk0wBwtjaf1WhyVXxPBPJ4zpMDgaqeV60N7SP5E8Aes';

/** What a demo may change about the demo account. */
export interface DemoAccountOptions {
  passwordMode?: 'shared' | 'per-user';
  /** Seats of the plan (default: the team plus one free seat, at least 12). */
  seatLimit?: number;
}

const TOOLS: Tool[] = [
  { id: 'rank-tracker', name: 'Rank Tracker', taskCost: 10 },
  { id: 'site-audit', name: 'Site Audit', taskCost: 25 },
  { id: 'keyword-research', name: 'Keyword Research', taskCost: 5 },
  { id: 'backlink-monitor', name: 'Backlink Monitor', taskCost: 15 },
];
const ALL_TOOLS = TOOLS.map((tool) => tool.id);

interface Member {
  firstName: string;
  lastName: string;
  local: string;
  role: User['role'];
  joinedDaysAgo: number;
  status?: User['status'];
  creditLimit?: number;
  tools?: string[];
  /** Indexes into TASKS. */
  grants?: number[];
  phone?: string;
  allowedIps?: string[];
  /** Pending and yet to choose a password at verification (per-user mode). */
  noPassword?: boolean;
}

const TEAM: Member[] = [
  {
    firstName: 'Greta',
    lastName: 'Hoffmann',
    local: 'greta.hoffmann',
    role: 'owner',
    joinedDaysAgo: 730,
    phone: '+4940300201',
  },
  {
    firstName: 'Jürgen',
    lastName: 'Weiß',
    local: 'juergen.weiss',
    role: 'manager',
    joinedDaysAgo: 610,
    phone: '+4940300202',
  },
  {
    firstName: 'Sophie',
    lastName: 'Becker',
    local: 'sophie.becker',
    role: 'specialist',
    joinedDaysAgo: 420,
    creditLimit: 2500,
    tools: ['rank-tracker', 'keyword-research'],
    grants: [0, 8],
  },
  {
    firstName: 'Liam',
    lastName: "O'Connor",
    local: 'liam.oconnor',
    role: 'specialist',
    joinedDaysAgo: 380,
    tools: ALL_TOOLS,
    phone: '+447700900123',
  },
  {
    firstName: 'Zoë',
    lastName: 'Schröder',
    local: 'zoe.schroeder',
    role: 'specialist',
    joinedDaysAgo: 300,
    creditLimit: 900,
    tools: ['site-audit', 'backlink-monitor'],
    grants: [12],
    allowedIps: ['203.0.113.0/24', '2001:db8:4711::/48'],
  },
  {
    firstName: 'Mehmet',
    lastName: 'Yılmaz',
    local: 'mehmet.yilmaz',
    role: 'specialist',
    joinedDaysAgo: 240,
    tools: ['keyword-research', 'backlink-monitor'],
  },
  {
    firstName: '娜',
    lastName: '李',
    local: 'na.li',
    role: 'specialist',
    joinedDaysAgo: 170,
    creditLimit: 1500,
    tools: ['rank-tracker', 'site-audit'],
  },
  { firstName: 'Emily', lastName: 'Carter', local: 'emily.carter', role: 'guest', joinedDaysAgo: 95, grants: [0, 3] },
  {
    firstName: 'Δημήτρης',
    lastName: 'Παπαδόπουλος',
    local: 'dimitris.papadopoulos',
    role: 'guest',
    joinedDaysAgo: 64,
    grants: [5],
  },
  {
    firstName: 'Hannah',
    lastName: 'Müller',
    local: 'hannah.mueller',
    role: 'specialist',
    joinedDaysAgo: 3,
    status: 'pending',
    creditLimit: 1000,
    tools: ['keyword-research'],
  },
  {
    firstName: 'Oliver',
    lastName: 'Brooks',
    local: 'oliver.brooks',
    role: 'guest',
    joinedDaysAgo: 1,
    status: 'pending',
    grants: [1],
    noPassword: true,
  },
];

/** [tool, name, owner (index into TEAM), created days ago] */
const TASKS: [string, string, number, number][] = [
  ['rank-tracker', 'nordlicht.de – Sichtbarkeit', 0, 700],
  ['rank-tracker', 'Shop-Relaunch 2026', 2, 200],
  ['rank-tracker', 'Wettbewerber Hamburg', 3, 150],
  ['site-audit', 'Technisches SEO-Audit', 1, 320],
  ['site-audit', 'Blog content audit', 4, 90],
  ['site-audit', 'Core Web Vitals (mobil)', 6, 60],
  ['keyword-research', 'Keywords Winterkampagne', 2, 45],
  ['keyword-research', 'B2B-Leadgenerierung', 5, 120],
  ['keyword-research', 'English market expansion', 3, 30],
  ['backlink-monitor', 'Linkprofil Hauptdomain', 4, 250],
  ['backlink-monitor', 'Partner-Backlinks', 5, 80],
  ['rank-tracker', 'Local SEO Berlin & München', 6, 25],
  ['site-audit', 'Relaunch staging check', 0, 14],
  ['backlink-monitor', 'Digital-PR Kampagne Frühjahr', 1, 10],
];

const FIRST_NAMES = [
  'Anna',
  'Lukas',
  'Marie',
  'Leon',
  'Sophia',
  'Felix',
  'Emma',
  'Paul',
  'Mia',
  'Jonas',
  'Lena',
  'Finn',
  'Laura',
  'Elias',
  'Hannah',
  'Noah',
  'Lea',
  'Ben',
  'Clara',
  'Max',
  'Charlotte',
  'Jakob',
  'Amélie',
  'Moritz',
  'Ida',
  'Oskar',
  'Frieda',
  'Theo',
  'Ella',
  'Henry',
  'Olivia',
  'James',
  'Grace',
  'Thomas',
  'Sarah',
  'Daniel',
  'Chloe',
  'Samuel',
  'Lucy',
  'George',
  'Jörg',
  'Björn',
  'Søren',
  'Zoë',
  'Ümit',
  'Ayşe',
  'Kateřina',
  'Łukasz',
  'Renée',
  'Siobhán',
];
const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hartmann',
  'Lange',
  'Werner',
  'Krause',
  'Lehmann',
  'Köhler',
  'Groß',
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Evans',
  'Roberts',
  'Walker',
  'Weiß',
  'Strauß',
  'Jäger',
  'Fuchs',
  'Vogel',
  'Peters',
  'Möller',
  'Baumann',
  'Albrecht',
  "O'Neill",
  'Nguyễn',
  'Kowalski',
  'Demir',
  'García',
];

/** `Jürgen Weiß` → `juergen.weiss`: how German companies spell names in addresses. */
function mailbox(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '');
}

const iso = (time: number) => new Date(time).toISOString();
const daysAgo = (days: number) => NOW - days * DAY;
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function taskRef(task: Task) {
  return { toolId: task.toolId, taskId: task.id };
}

/**
 * Replays one profile's weeks of activity through `emit`, from a seed of its own: the same calls
 * each time, so a first pass can sum the credits spent and a later one build the events.
 */
function replayHistory(
  user: User,
  owned: Task[],
  visible: Task[],
  tools: Map<string, Tool>,
  emit: (at: number, type: RosterEvent['type'], task: Task | null, cost: number) => void,
): void {
  if (user.status !== 'active') return;
  const random = seededRandom(hash53(user.id));
  const limit = user.creditLimit ?? Infinity;
  let spent = 0;
  const charge = (at: number, type: RosterEvent['type'], task: Task) => {
    const cost = tools.get(task.toolId)!.taskCost;
    if (spent + cost > limit) return;
    spent += cost;
    emit(at, type, task, cost);
  };
  for (const task of owned) charge(Date.parse(task.createdAt), 'task_created', task);
  const joined = Date.parse(user.createdAt);
  const activeShare = user.role === 'guest' ? 0.4 : 0.6;
  for (let day = HISTORY_DAYS; day >= 1; day--) {
    const start = daysAgo(day) - 2 * 3_600_000;
    const weekday = (Math.floor(start / DAY) + 4) % 7; // 1970-01-01 was a Thursday
    if (start < joined || weekday === 0 || weekday === 6 || random() > activeShare) continue;
    let at = start + Math.floor(random() * 90) * 60_000;
    emit(at, 'signed_in', null, 0);
    const actions = Math.floor(random() * 4);
    for (let i = 0; i < actions && visible.length; i++) {
      at += (5 + Math.floor(random() * 120)) * 60_000;
      const task = pick(random, visible);
      if (user.role === 'guest' || random() < 0.35) emit(at, 'report_downloaded', task, 0);
      else charge(at, 'task_updated', task);
    }
  }
}

const DESCRIPTIONS: Record<RosterEvent['type'], (task: string, tool: string) => string> = {
  signed_in: () => 'Signed in',
  task_created: (task, tool) => `Created the task “${task}” in ${tool}`,
  task_updated: (task, tool) => `Updated the task “${task}” in ${tool}`,
  report_downloaded: (task, tool) => `Downloaded the report of “${task}” (${tool})`,
};

// Address spellings of the name pools, worked out once rather than per generated profile.
const FIRST_MAILBOXES = FIRST_NAMES.map(mailbox);
const LAST_MAILBOXES = LAST_NAMES.map(mailbox);
const NOTIFICATIONS = {
  owner: Object.freeze({ taskUpdates: true, reportReady: true, creditsLow: false }),
  manager: Object.freeze({ taskUpdates: true, reportReady: false, creditsLow: false }),
  specialist: Object.freeze({ taskUpdates: true, reportReady: true, creditsLow: true }),
  guest: Object.freeze({ taskUpdates: false, reportReady: true, creditsLow: false }),
};
const HOUR = 3_600_000;

/** The core team as written above, then generated colleagues up to `count`. */
function* members(count: number): Generator<Member> {
  yield* TEAM;
  const random = seededRandom(20261120);
  for (let i = TEAM.length; i < count; i++) {
    const first = Math.floor(random() * FIRST_NAMES.length);
    const last = Math.floor(random() * LAST_NAMES.length);
    const roll = random();
    const role: User['role'] = roll < 0.04 ? 'manager' : roll < 0.72 ? 'specialist' : 'guest';
    const member: Member = {
      firstName: FIRST_NAMES[first]!,
      lastName: LAST_NAMES[last]!,
      local: `${FIRST_MAILBOXES[first]}.${LAST_MAILBOXES[last]}.${i}`,
      role,
      joinedDaysAgo: 700 * (1 - i / count) + 1,
      status: random() < 0.03 ? 'pending' : 'active',
    };
    if (role === 'specialist') {
      member.tools = ALL_TOOLS.filter(() => random() < 0.5);
      if (random() < 0.5) member.creditLimit = pick(random, [500, 1000, 2000, 5000]);
    }
    if (role !== 'manager') {
      const grants = role === 'guest' ? 1 + Math.floor(random() * 2) : Math.floor(random() * 2);
      member.grants =
        grants === 1
          ? [Math.floor(random() * TASKS.length)]
          : grants === 2
            ? [0, 1].map(() => Math.floor(random() * TASKS.length))
            : [];
    }
    yield member;
  }
}

const userId = (index: number) => `usr_${index.toString(36).padStart(5, '0')}`;

/** Builds the demo store: `demoUsers` profiles (owner included, at least the core team of 11). */
export function createDemoStore(demoUsers = TEAM.length, options: DemoAccountOptions = {}): Store {
  const { passwordMode = 'per-user' } = options;
  const count = Math.max(TEAM.length, Math.floor(demoUsers));
  const tools = new Map(TOOLS.map((tool) => [tool.id, tool]));
  const tasks = TASKS.map(([toolId, name, owner, days], index): Task => ({
    id: `tsk_${(index + 1).toString(36).padStart(5, '0')}`,
    toolId,
    name,
    ownerId: userId(owner),
    createdAt: iso(Math.max(daysAgo(days), daysAgo(TEAM[owner]!.joinedDaysAgo) + DAY)),
  }));
  const owned = (user: User) => tasks.filter((task) => task.ownerId === user.id);
  const visible = (user: User) =>
    user.role === 'owner' || user.role === 'manager'
      ? tasks
      : [...owned(user), ...tasks.filter((task) => user.access.tasks.some((ref) => ref.taskId === task.id))];

  const history = (user: User): RosterEvent[] => {
    const events: RosterEvent[] = [];
    replayHistory(user, owned(user), visible(user), tools, (at, type, task, cost) => {
      const tool = task ? tools.get(task.toolId)! : null;
      events.push({
        id: `evt_${user.id.slice(4)}_${events.length.toString(36)}`,
        at: iso(at),
        type,
        description: DESCRIPTIONS[type](task?.name ?? '', tool?.name ?? ''),
        cost,
        toolId: tool?.id ?? null,
        taskId: task?.id ?? null,
        taskName: task?.name ?? null,
      });
    });
    return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  };

  const store = new Store(
    {
      id: 'acc_nordlicht',
      name: 'Nordlicht Analytics GmbH',
      planName: passwordMode === 'per-user' ? 'Enterprise' : 'Standard',
      seatLimit: options.seatLimit ?? Math.max(12, count + 1),
      emailDomain: DOMAIN,
      passwordMode,
      balance: 25_000,
      tools: TOOLS.map((tool) => ({ ...tool })),
      locale: 'en',
      passwordSetAt: passwordMode === 'shared' ? iso(daysAgo(TEAM[0]!.joinedDaysAgo)) : null,
    },
    history,
  );
  for (const task of tasks) store.tasks.set(task.id, task);
  if (passwordMode === 'shared') store.accountPasswordHash = DEMO_PASSWORD_HASH;

  let index = 0;
  const noOwnedTasks: Task[] = [];
  for (const member of members(count)) {
    const joined = daysAgo(member.joinedDaysAgo);
    const createdAt = iso(joined);
    const active = member.status !== 'pending';
    const user: User = {
      id: userId(index),
      firstName: member.firstName,
      lastName: member.lastName,
      email: `${member.local}@${DOMAIN}`,
      phone: member.phone ?? null,
      role: member.role,
      status: active ? 'active' : 'pending',
      verifiedAt: active ? (index < TEAM.length ? iso(joined + HOUR) : createdAt) : null,
      createdAt,
      updatedAt: createdAt,
      version: 1,
      creditLimit: member.creditLimit ?? null,
      creditsSpent: 0,
      allowedIps: member.allowedIps ?? [],
      notifications: NOTIFICATIONS[member.role],
      access: { tools: member.tools ?? [], tasks: [...new Set(member.grants)].map((i) => taskRef(tasks[i]!)) },
    };
    // Generated colleagues own no tasks, so only the core team needs the look-up.
    const own = index < TEAM.length ? owned(user) : noOwnedTasks;
    replayHistory(user, own, user.role === 'manager' ? tasks : visible(user), tools, (_at, _type, _task, cost) => {
      user.creditsSpent += cost;
    });
    store.addUser(user, true);
    if (passwordMode === 'per-user' && !member.noPassword)
      store.secrets.set(user.id, { passwordHash: DEMO_PASSWORD_HASH });
    if (!active && index < TEAM.length) store.awaitingMail.push(user.id);
    index += 1;
  }
  return store;
}
