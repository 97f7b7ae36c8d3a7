/**
 * Defines an on-demand Roster element the moment one appears, wherever a host puts it: in the
 * document, or in an open shadow root (a Roster element's, or a host component's). As in Web
 * Awesome's autoloader, one MutationObserver watches the document; every open shadow root met on
 * the way is watched too, so elements a host renders there later are found as well.
 * Closed shadow roots cannot be seen: a host using one imports the element's entry
 * (`rosterkit/elements/<name>/roster-<name>.js`), or calls `discover(root)`.
 */
import { loadElement, loaders, type OnDemandTag } from './on-demand.js';

const watched = new WeakSet<Node>();

const observer =
  typeof MutationObserver === 'function'
    ? new MutationObserver((records) => {
        for (const { addedNodes } of records) {
          for (const node of addedNodes) if (node instanceof Element) void discover(node);
        }
      })
    : undefined;

function watch(root: Document | ShadowRoot) {
  if (watched.has(root)) return;
  watched.add(root);
  observer?.observe(root, { childList: true, subtree: true });
  void discover(root);
}

/**
 * Loads every undefined Roster element under `root` (and `root` itself), and watches the open
 * shadow roots found there. Resolves once those elements are defined; a chunk that fails to load
 * is reported on the console, and the element stays undefined.
 */
export async function discover(root: Document | ShadowRoot | Element): Promise<void> {
  const tags = new Set<string>();
  for (const element of elementsIn(root)) {
    const tag = element.localName;
    if (Object.hasOwn(loaders, tag) && !customElements.get(tag)) tags.add(tag);
    if (element.shadowRoot) watch(element.shadowRoot);
  }
  if (!tags.size) return;
  const loads = await Promise.allSettled([...tags].map((tag) => loadElement(tag as OnDemandTag)));
  for (const load of loads) if (load.status === 'rejected') console.warn(load.reason);
  // The elements just defined have their shadow roots now: watch them for what they render.
  for (const element of elementsIn(root)) if (element.shadowRoot) watch(element.shadowRoot);
}

function elementsIn(root: Document | ShadowRoot | Element): Element[] {
  const all = [...root.querySelectorAll('*')];
  return root instanceof Element ? [root, ...all] : all;
}

/** Starts watching the document (once). */
export function startAutoloader(): void {
  if (typeof document !== 'undefined') watch(document);
}
