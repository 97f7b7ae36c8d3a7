/**
 * The page `npm run bench` drives (scripts/bench.mjs). The reference API answers from Node through
 * request interception, so this page's main thread does only what a host page would: the elements'
 * work, or the plain baseline's (./plain.ts). Each step is a function on `window.rosterBench`.
 */
import '../../src/components/panel/roster-panel.js';
import type { RosterPanel } from '../../src/components/panel/panel.js';
import type { RosterUserList } from '../../src/components/user-list/user-list.js';
import { createRosterClient, type RosterClient, type User } from '../../src/sdk/index.js';
import type { PlainPanel, PlainUserList } from './plain.js';
import './plain.js';

const BASE_URL = '/api/roster/v1';
const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

// Requests in flight, by path, to tell which ones a first paint waits for.
const inFlight = new Map<number, string>();
let requestIds = 0;
const trackedFetch: typeof fetch = async (input, init) => {
  const id = ++requestIds;
  inFlight.set(
    id,
    new URL(input instanceof Request ? input.url : String(input), location.href).pathname.replace(BASE_URL, ''),
  );
  try {
    return await fetch(input, init);
  } finally {
    inFlight.delete(id);
  }
};
const client: RosterClient = createRosterClient({
  baseUrl: BASE_URL,
  getToken: () => 'bench-owner',
  retry: 0,
  timeout: 120_000,
  fetch: trackedFetch,
});
// When the last users page reached the page, parsed and validated ("the data"), and its total.
let lastAnswer = 0;
let lastTotal = 0;
const list = client.users.list.bind(client.users);
client.users.list = async (...args) => {
  const page = await list(...args);
  lastAnswer = performance.now();
  lastTotal = page.total;
  return page;
};

const stage = () => document.querySelector<HTMLElement>('#stage')!;
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves with the time `check` first held, testing after every DOM change under `roots` and every frame. */
function when(check: () => boolean, roots: () => Node[], timeout = 120_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(test);
    const started = performance.now();
    let observed = new Set<Node>();
    function test() {
      for (const root of roots()) {
        if (!observed.has(root)) observer.observe(root, { childList: true, subtree: true, characterData: true });
      }
      observed = new Set(roots());
      if (check()) {
        // Layout is part of rendering: force it before taking the time.
        void document.body.offsetHeight;
        const at = performance.now();
        observer.disconnect();
        resolve(at);
      } else if (performance.now() - started > timeout) {
        observer.disconnect();
        reject(new Error('timed out'));
      } else {
        requestAnimationFrame(test);
      }
    }
    test();
  });
}

/** Every node of the document, shadow roots included. */
function countNodes(node: Node = document): number {
  let count = 1;
  const shadow = (node as Element).shadowRoot;
  if (shadow) count += countNodes(shadow);
  for (let child = node.firstChild; child; child = child.nextSibling) count += countNodes(child);
  return count;
}

// ---- Where the rows are --------------------------------------------------------------------

const rosterList = () =>
  (stage().querySelector('roster-user-list') ??
    stage().querySelector('roster-panel')?.shadowRoot?.querySelector('roster-user-list')) as RosterUserList | null;
const plainList = () =>
  (stage().querySelector('plain-user-list') ??
    stage().querySelector('plain-panel')?.shadowRoot?.querySelector('plain-user-list')) as PlainUserList | null;

/** The first `limit` rendered rows (checking a few is enough, and cheap with 100,000 rows). */
function rowsOf(impl: Impl, limit = 30): Element[] {
  if (impl === 'roster')
    return [...(rosterList()?.shadowRoot?.querySelectorAll('.body [role="row"][data-id]') ?? [])].slice(0, limit);
  const grid = plainList()?.shadowRoot?.querySelector('[role="grid"]');
  const rows: Element[] = [];
  for (let row = grid?.firstElementChild; row && rows.length < limit; row = row.nextElementSibling) rows.push(row);
  return rows;
}

/** How many rows the view holds: the grid's row count (Roster), or the rows in the DOM (plain). */
function rowCount(impl: Impl): number {
  if (impl === 'roster')
    return Number(rosterList()?.shadowRoot?.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? 0) - 1;
  return plainList()?.shadowRoot?.querySelector('[role="grid"]')?.childElementCount ?? 0;
}

function rootsOf(impl: Impl): Node[] {
  const panel = stage().firstElementChild?.shadowRoot;
  const list = impl === 'roster' ? rosterList() : plainList();
  return [stage(), panel, list?.shadowRoot].filter((node) => node != null) as Node[];
}

type Impl = 'roster' | 'plain';

const rowText = (user: User) => `${user.firstName} ${user.lastName} ${user.email}`.toLowerCase();

async function loadAllUsers(): Promise<User[]> {
  const users: User[] = [];
  for await (const user of client.users.iterate({ sort: 'name', limit: 200 })) users.push(user);
  return users;
}

// ---- Steps -------------------------------------------------------------------------------------

/** Mounts the list; resolves with data → first rows and mount → first rows (ms). */
async function mountList(impl: Impl) {
  const started = performance.now();
  if (impl === 'roster') {
    const element = document.createElement('roster-user-list');
    element.client = client;
    element.style.height = '720px';
    stage().append(element);
    const rowsAt = await when(
      () => rowsOf(impl).length > 0,
      () => rootsOf(impl),
    );
    return { dataToRows: rowsAt - lastAnswer, mountToRows: rowsAt - started };
  }
  const users = await loadAllUsers();
  const dataAt = performance.now();
  const element = document.createElement('plain-user-list');
  element.style.height = '720px';
  element.users = users;
  stage().append(element);
  const rowsAt = await when(
    () => rowsOf(impl).length > 0,
    () => rootsOf(impl),
  );
  return { dataToRows: rowsAt - dataAt, mountToRows: rowsAt - started };
}

/** Types `queries` one after another; per query: query → updated rows, and (Roster) answer → rows. */
async function search(impl: Impl, queries: string[]) {
  const firstTask = longTasks.length;
  const searchStarted = performance.now();
  const steps: { query: string; toRows: number; answerToRows?: number; matches: number }[] = [];
  for (const query of queries) {
    const answersBefore = lastAnswer;
    const plainExpected =
      impl === 'plain' ? plainList()!.users.filter((user) => rowText(user).includes(query)).length : 0;
    const updated = () => {
      const rows = rowsOf(impl);
      if (!rows.length || !rows.every((row) => row.textContent!.toLowerCase().includes(query))) return false;
      return impl === 'plain'
        ? rowCount(impl) === plainExpected
        : lastAnswer !== answersBefore && rowCount(impl) === lastTotal;
    };
    const started = performance.now();
    if (impl === 'roster') rosterList()!.query = query;
    else plainList()!.query = query;
    const at = await when(updated, () => rootsOf(impl));
    steps.push({
      query,
      toRows: at - started,
      answerToRows: impl === 'roster' ? at - lastAnswer : undefined,
      matches: rowCount(impl),
    });
    await nextFrame();
  }
  const tasks = longTasks.slice(firstTask).filter((task) => task.startTime >= searchStarted);
  return { steps, longTasks: tasks.length, longTaskMs: tasks.reduce((sum, task) => sum + task.duration, 0) };
}

/** The scroller of the rows. */
function scrollerOf(impl: Impl): HTMLElement | null {
  return impl === 'roster'
    ? (rosterList()?.shadowRoot?.querySelector<HTMLElement>('[part="table"]') ?? null)
    : plainList();
}

/** The highest row index rendered, and how many rows exist (loaded or not). */
function lastRow(impl: Impl): { rendered: number; total: number } {
  if (impl === 'plain') return { rendered: rowCount(impl) - 1, total: rowCount(impl) };
  const rows = rosterList()?.shadowRoot?.querySelectorAll<HTMLElement>('.body [role="row"][data-id]') ?? [];
  return { rendered: Math.max(-1, ...[...rows].map((row) => Number(row.dataset.index))), total: rowCount(impl) };
}

let scrollRecord:
  | { frames: number; waiting: number; nodesBefore: number; started: number; firstTask: number; running: boolean }
  | undefined;

/**
 * Starts recording a real scroll (wheel events from the driver): frames, and frames waiting at the
 * end of the loaded rows (the view at the bottom of the scroller while rows after it exist, or
 * placeholders in view). Resolves with where to put the pointer.
 */
function scrollStart(impl: Impl) {
  const scroller = scrollerOf(impl)!;
  const record = (scrollRecord = {
    frames: 0,
    waiting: 0,
    nodesBefore: countNodes(),
    started: performance.now(),
    firstTask: longTasks.length,
    running: true,
  });
  const tick = () => {
    if (!record.running) return;
    record.frames += 1;
    const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
    const { rendered, total } = lastRow(impl);
    const box = scroller.getBoundingClientRect();
    const placeholders =
      impl === 'roster' &&
      [...rosterList()!.shadowRoot!.querySelectorAll('.body .skeleton-row')].some(
        (row) => row.getBoundingClientRect().bottom > box.top && row.getBoundingClientRect().top < box.bottom,
      );
    if ((atBottom && rendered < total - 1) || placeholders) record.waiting += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const box = scroller.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + Math.min(box.height / 2, 300) };
}

/** True once the view is at the bottom with the last row rendered. */
function scrollDone(impl: Impl): boolean {
  const scroller = scrollerOf(impl)!;
  const { rendered, total } = lastRow(impl);
  return total > 0 && rendered === total - 1 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
}

/** Stops the recording: frames, frames waiting, DOM nodes before and after, long tasks, duration. */
async function scrollStop() {
  const record = scrollRecord!;
  record.running = false;
  await nextFrame();
  const tasks = longTasks.slice(record.firstTask).filter((task) => task.startTime >= record.started);
  return {
    scrollMs: performance.now() - record.started,
    scrollFrames: record.frames,
    scrollWaiting: record.waiting,
    scrollNodesBefore: record.nodesBefore,
    scrollNodesAfter: countNodes(),
    scrollLongTasks: tasks.length,
    scrollLongTaskMs: tasks.reduce((sum, task) => sum + task.duration, 0),
  };
}

let keyAt = 0;

/** Focuses the search field and notes when the next key goes down in it. */
function typeStart(impl: Impl) {
  const input = (
    impl === 'roster' ? rosterList()?.shadowRoot : plainList()?.shadowRoot
  )!.querySelector<HTMLInputElement>('[part="search"], .search')!;
  input.addEventListener('keydown', () => (keyAt = performance.now()), { once: true });
  input.focus();
}

/** Resolves with keydown → rows matching `query` (Roster: after the debounce and the answer). */
async function typeEnd(impl: Impl, query: string, answersBefore: number) {
  const updated = () => {
    const rows = rowsOf(impl);
    if (!rows.length || !rows.every((row) => row.textContent!.toLowerCase().includes(query))) return false;
    return impl === 'plain' || (lastAnswer !== answersBefore && rowCount(impl) === lastTotal);
  };
  const at = await when(updated, () => rootsOf(impl));
  return at - keyAt;
}

/** Mounts the whole panel at page load; resolves with navigation → rows and → interactive (ms). */
async function mountPanel(impl: Impl, quietMs = 500) {
  if (impl === 'roster') {
    const panel = document.createElement('roster-panel') as RosterPanel;
    panel.client = client;
    panel.style.height = '720px';
    stage().append(panel);
  } else {
    const users = await loadAllUsers();
    const panel = document.createElement('plain-panel') as PlainPanel;
    panel.style.height = '720px';
    panel.users = users;
    stage().append(panel);
  }
  // The requests the first paint of the list waits for (Roster loads the viewer and the first page).
  let firstPaint: string[] | undefined;
  if (impl === 'roster') {
    const painted = () => Boolean(rosterList()?.shadowRoot?.querySelector('.grid'));
    const watch = () => (painted() ? (firstPaint = [...inFlight.values()]) : requestAnimationFrame(watch));
    requestAnimationFrame(watch);
  }
  const rowsAt = await when(
    () => rowsOf(impl).length > 0,
    () => rootsOf(impl),
  );
  // Interactive: the rows are there and the main thread has been free of long tasks for `quietMs`.
  let lastBusy = rowsAt;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const busy = longTasks.map((task) => task.startTime + task.duration).filter((end) => end > lastBusy);
    if (busy.length) lastBusy = Math.max(...busy);
    else if (performance.now() - lastBusy >= quietMs) break;
  }
  return {
    loadToRows: rowsAt,
    loadToInteractive: lastBusy,
    firstPaintRequests: firstPaint?.length,
    firstPaintPaths: firstPaint,
  };
}

/** Clicks the `index`th row; resolves with click → detail header and → profile loaded (ms). */
async function openUser(impl: Impl, index = 3) {
  const row = rowsOf(impl)[index] as HTMLElement;
  const name = row.querySelector('.name')!.textContent!.trim();
  const panelRoot = () => stage().firstElementChild!.shadowRoot!;
  const started = performance.now();
  row.click();
  const headerAt = await when(
    () => panelRoot().querySelector('.detail-title')?.textContent?.trim() === name,
    () => rootsOf(impl),
  );
  if (impl === 'plain') return { toHeader: headerAt - started, toContent: headerAt - started };
  const editor = () => panelRoot().querySelector('.tab-panel:not([hidden]) roster-user-editor');
  const contentAt = await when(
    () => Boolean(editor()?.shadowRoot?.querySelector('[part~="form"]') && !editor()!.matches(':state(loading)')),
    () => [...rootsOf(impl), ...(editor()?.shadowRoot ? [editor()!.shadowRoot!] : [])],
  );
  return { toHeader: headerAt - started, toContent: contentAt - started };
}

declare global {
  interface Window {
    rosterBench: typeof rosterBench;
  }
}

const rosterBench = {
  mountList,
  search,
  mountPanel,
  openUser,
  countNodes: () => countNodes(),
  scrollStart,
  scrollDone,
  scrollStop,
  typeStart,
  typeEnd,
  lastAnswer: () => lastAnswer,
};
window.rosterBench = rosterBench;
document.documentElement.dataset.benchReady = 'true';
