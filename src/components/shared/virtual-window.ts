/**
 * Windowing for long lists: only the rows in view (plus a few either side) are rendered, so 100,000
 * rows cost the DOM of a screenful. Rows share one height by default, which turns the general
 * virtualiser's measuring into arithmetic; with `measure: true` each rendered row is measured (rows
 * whose text wraps), and rows never rendered count at the average height measured so far.
 *
 *     private readonly window = new VirtualWindow(this, { count: () => this.rows.length, onRange: (a, b) => … });
 *     updated() { this.window.observe(scroller, body); }
 *     render() { html`<div class="body" ${styleProps(this.window.bodyStyle())}>${rowSlots(this.window.indexes(), (i) => …)}</div>` }
 *
 * The window is placed before each render, from the layout as last read: the rows come out right
 * the first time, and no render asks for another. The layout is read again when the scroller
 * scrolls or resizes (which re-renders the host if the window moved) and, before a render, when the
 * row count changed. Pass the placeholder rows shown while the first page loads as `body` too: they
 * have the rows' height, so the first real rows render at the right place.
 */
import { type ChildPart, noChange, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { insertPart, setChildPartValue, setCommittedValue } from 'lit/directive-helpers.js';

export interface VirtualWindowOptions {
  /** How many rows the list has (loaded or not). */
  count(): number;
  /** Rows rendered beyond each edge of the view. Default 8. */
  overscan?: number;
  /** Called when the rendered range changes, e.g. to load the pages it covers. */
  onRange?(first: number, last: number): void;
  /** Rows differ in height (wrapped text, stacked layouts): measure each rendered row. */
  measure?: boolean;
  /**
   * What sticks over the top of the view (a header row), in pixels: scrolling to a row keeps it
   * below. Default: where the rows start in the scroller, right for a pane holding a header and the rows.
   */
  stickyInset?(): number;
}

/** The flat-tree parent: through slots and out of shadow roots. */
const parentOf = (node: Element): Element | null =>
  node.assignedSlot ?? node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;

/**
 * The element whose scrolling moves `element`: the nearest ancestor (across shadow roots) that the
 * viewer can scroll, else the page's scrolling element.
 */
export function scrollParent(element: Element): HTMLElement {
  const page = (document.scrollingElement ?? document.documentElement) as HTMLElement;
  for (let node = parentOf(element); node && node !== page && node !== document.body; node = parentOf(node)) {
    if (/auto|scroll|overlay/.test(getComputedStyle(node).overflowY)) return node as HTMLElement;
  }
  return page;
}

export class VirtualWindow implements ReactiveController {
  /** First and last rendered row (last < first: none). */
  first = 0;
  last = -1;
  /** First and last row actually in view. */
  visibleFirst = 0;
  visibleLast = -1;
  /** The measured row height in CSS pixels (0 until a row is rendered); measuring rows, their average. */
  rowHeight = 0;

  readonly #host: ReactiveControllerHost;
  readonly #options: VirtualWindowOptions;
  #scroller?: HTMLElement;
  /** The scroller is the page's: scroll and resize events come from the window. */
  #page = false;
  #body?: HTMLElement;
  #resizeObserver?: ResizeObserver;
  // The rows' own box, looked at in the next frame: a render of the host during the observer's
  // delivery (it changes the rows) would be a loop the browser reports.
  readonly #bodyObserver = new ResizeObserver(() => requestAnimationFrame(this.#measure));
  // The layout as last read: scroll position, height of the view, where the rows start in the scroller.
  #top = 0;
  #height = 0;
  #offset = 0;
  // The row count the window was last placed for.
  #count = -1;
  // Measuring rows: the height of each row measured (by index), its keys in order (rebuilt when
  // stale), the rows observed with the index each was observed for, and the width they were measured at.
  readonly #sizes = new Map<number, number>();
  #sorted?: number[];
  #rowObserver?: ResizeObserver;
  readonly #observedAs = new Map<Element, string>();
  #width = 0;
  readonly #measure = () => this.measure();

  constructor(host: ReactiveControllerHost, options: VirtualWindowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Call after each render with the scrolling element and the element that holds the rows. */
  observe(scroller: HTMLElement | null | undefined, body: HTMLElement | null | undefined): void {
    if (scroller !== this.#scroller) {
      this.#detach();
      this.#scroller = scroller ?? undefined;
      this.#page = scroller === document.scrollingElement;
      if (scroller) {
        (this.#page ? window : scroller).addEventListener('scroll', this.#measure, { passive: true });
        this.#resizeObserver = new ResizeObserver(this.#measure);
        // The page's view is the window; an element's, its border box (a scrollbar coming or going
        // changes no view worth another window).
        if (this.#page) window.addEventListener('resize', this.#measure);
        else this.#resizeObserver.observe(scroller, { box: 'border-box' });
      }
    }
    if (body !== this.#body) {
      this.#bodyObserver.disconnect();
      // The rows showing again (their pane was hidden while the page scrolled) need a fresh look.
      if (body) this.#bodyObserver.observe(body);
    }
    this.#body = body ?? undefined;
    if (this.#options.measure) this.#observeRows();
  }

  /** Row indexes to render, in order. */
  indexes(): number[] {
    const last = Math.min(this.last, this.#options.count() - 1);
    return last < this.first ? [] : Array.from({ length: last - this.first + 1 }, (_, i) => this.first + i);
  }

  /** Styles for the rows' container: its full height, with the rows before the window as padding. */
  bodyStyle(): Record<string, string> {
    if (!this.rowHeight) return {};
    return {
      'box-sizing': 'border-box',
      'block-size': `${this.#offsetOf(this.#options.count())}px`,
      'padding-block-start': `${this.#offsetOf(this.first)}px`,
    };
  }

  /** Scrolls the least needed to bring row `index` fully into view (below a sticky header row, if any). */
  scrollIntoView(index: number): void {
    const scroller = this.#scroller;
    const height = this.rowHeight;
    if (!scroller || !height) return;
    // The count may have grown since the last render (End made room for the last rows): give the
    // body its new height now, or the scroll stops at the old end.
    this.#body?.style.setProperty('block-size', `${this.#offsetOf(this.#options.count())}px`);
    // Where the rows start may have moved since the last read (content above them in the page).
    this.#read();
    const rowTop = this.#offsetOf(index);
    const top = this.#offset + rowTop - (this.#options.stickyInset?.() ?? this.#offset);
    const bottom = this.#offset + rowTop + (this.#sizes.get(index) ?? height) - scroller.clientHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop) scroller.scrollTop = bottom;
  }

  /** Re-reads the scroll position and sizes; re-renders the host when the window moved. */
  measure(): void {
    // A frame asked for before the host left the page: nothing to look at any more.
    if (!this.#scroller) return;
    const resized = this.#read();
    // Hidden rows have no layout to read: the window stays where the viewer left it.
    if (resized === undefined) return;
    if (this.#place() || resized) this.#host.requestUpdate();
  }

  hostUpdate(): void {
    // Other rows (a page arrived, another search) change the content's height, and with it maybe the
    // scroll position: read the layout again. It is clean by now (the rows came with a network
    // answer), so this costs little, unlike reading it after the render, which the rows dirtied.
    const count = this.#options.count();
    if (count !== this.#count || !this.rowHeight) this.#read();
    this.#count = count;
    this.#place();
  }

  hostDisconnected(): void {
    this.#detach();
    this.#scroller = undefined;
    this.#count = -1;
    this.#rowObserver?.disconnect();
    this.#rowObserver = undefined;
    this.#observedAs.clear();
  }

  /** Forgets the measured heights (other rows at the same indexes: another query). */
  reset(): void {
    this.#sizes.clear();
    this.#sorted = undefined;
    for (const row of this.#observedAs.keys()) this.#rowObserver?.unobserve(row);
    this.#observedAs.clear();
  }

  /** Where row `index` starts, from the top of the first row. */
  #offsetOf(index: number): number {
    const height = this.rowHeight;
    let offset = index * height;
    if (!this.#options.measure) return offset;
    for (const measured of this.#sortedSizes()) {
      if (measured >= index) break;
      offset += this.#sizes.get(measured)! - height;
    }
    return offset;
  }

  /** The row at `offset` from the top of the first row (rows not measured count at the average). */
  #indexAt(offset: number): number {
    const height = this.rowHeight || 40;
    let start = 0;
    let index = 0;
    for (const measured of this.#sortedSizes()) {
      const gap = (measured - index) * height;
      if (offset < start + gap) break;
      start += gap;
      const size = this.#sizes.get(measured)!;
      if (offset < start + size) return measured;
      start += size;
      index = measured + 1;
    }
    return index + Math.floor((offset - start) / height);
  }

  #sortedSizes(): number[] {
    return (this.#sorted ??= [...this.#sizes.keys()].sort((a, b) => a - b));
  }

  /**
   * Measures the rows rendered: a row is observed again whenever it holds another index (recycled),
   * which makes the observer report its height; after that, whenever its height changes. A wider or
   * narrower view wraps every row anew, so the heights measured before are forgotten.
   */
  #observeRows() {
    const body = this.#body;
    if (!body) return;
    // Handled in the next frame, as the body's: the render it asks for would otherwise run inside
    // the observer's delivery, resizing rows it is still reporting (a loop the browser reports).
    this.#rowObserver ??= new ResizeObserver((entries) =>
      requestAnimationFrame(() => this.#handleRowsResized(entries)),
    );
    for (const [row] of this.#observedAs) {
      if (row.parentNode !== body) {
        this.#rowObserver.unobserve(row);
        this.#observedAs.delete(row);
      }
    }
    for (const row of body.querySelectorAll<HTMLElement>(':scope > [data-index]')) {
      const index = row.dataset.index!;
      if (this.#observedAs.get(row) === index) continue;
      this.#rowObserver.unobserve(row);
      this.#rowObserver.observe(row, { box: 'border-box' });
      this.#observedAs.set(row, index);
    }
  }

  #handleRowsResized(entries: ResizeObserverEntry[]) {
    let changed = false;
    const width = this.#body?.clientWidth ?? 0;
    if (width !== this.#width) {
      this.#width = width;
      if (this.#sizes.size) {
        this.#sizes.clear();
        changed = true;
      }
    }
    for (const entry of entries) {
      const row = entry.target as HTMLElement;
      if (!row.isConnected || row.parentNode !== this.#body) continue;
      const index = Number(row.dataset.index);
      const size = row.offsetHeight;
      if (!size || this.#sizes.get(index) === size) continue;
      this.#sizes.set(index, size);
      changed = true;
    }
    if (!changed) return;
    this.#sorted = undefined;
    let total = 0;
    for (const size of this.#sizes.values()) total += size;
    this.rowHeight = this.#sizes.size ? total / this.#sizes.size : this.rowHeight;
    this.#read();
    this.#place();
    this.#host.requestUpdate();
  }

  /**
   * Reads the layout; returns whether the row height changed (and the body's style with it), or
   * undefined when the rows are not laid out (hidden).
   */
  #read(): boolean | undefined {
    const scroller = this.#scroller;
    const body = this.#body;
    if (!scroller || !body) return false;
    if (!body.getClientRects().length) return undefined;
    const height = this.rowHeight;
    if (!this.#options.measure || !this.#sizes.size)
      this.rowHeight = body.querySelector<HTMLElement>(':scope > [data-index]')?.offsetHeight || height;
    this.#top = scroller.scrollTop;
    this.#height = scroller.clientHeight;
    // The page's view starts at the top of the window; its scrolling element's box moves with the scroll.
    const viewTop = this.#page ? 0 : scroller.getBoundingClientRect().top;
    this.#offset = body.getBoundingClientRect().top - viewTop + this.#top;
    return this.rowHeight !== height;
  }

  /** Places the window over the view as last read; returns whether it moved. */
  #place(): boolean {
    const count = this.#options.count();
    const overscan = this.#options.overscan ?? 8;
    // Before a row exists to measure, a first screenful at a guessed height.
    const height = this.rowHeight || 40;
    const top = Math.max(0, this.#top - this.#offset);
    const [firstInView, lastInView] = this.#options.measure
      ? [this.#indexAt(top), this.#indexAt(top + Math.max(0, this.#height - 1))]
      : [Math.floor(top / height), Math.ceil((top + this.#height) / height) - 1];
    const visibleFirst = (this.visibleFirst = Math.min(count, firstInView));
    const visibleLast = (this.visibleLast = Math.min(count - 1, lastInView));
    // The rendered rows stay while they cover the view with half the overscan to spare either side
    // (and are not far more than it needs): a scroll re-renders every few rows, a shrinking view never.
    let first = this.first;
    let last = Math.min(this.last, count - 1);
    if (
      first > visibleFirst - overscan / 2 ||
      last < Math.min(count - 1, visibleLast + overscan / 2) ||
      last - first > visibleLast - visibleFirst + 4 * overscan
    ) {
      first = Math.max(0, visibleFirst - overscan);
      last = Math.min(count - 1, visibleLast + overscan);
      // At either end the window keeps its length, reaching further the other way: the DOM has the
      // same size at the first row as in the middle and at the last.
      const length = visibleLast - visibleFirst + 1 + 2 * overscan;
      if (first === 0) last = Math.min(count - 1, length - 1);
      else if (last === count - 1) first = Math.max(0, count - length);
    }
    if (first === this.first && last === this.last) return false;
    this.first = first;
    this.last = last;
    this.#options.onRange?.(first, last);
    return true;
  }

  #detach() {
    (this.#page ? window : this.#scroller)?.removeEventListener('scroll', this.#measure);
    window.removeEventListener('resize', this.#measure);
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#bodyObserver.disconnect();
    this.#body = undefined;
  }
}

interface Slot {
  index: number;
  part: ChildPart;
}

/**
 * Renders a window's rows (contiguous indexes, in order) into a pool of slots that outlives them:
 * the slot of a row scrolled out goes, DOM and all, to a row scrolled in at the other end. So the
 * DOM keeps the size of the window however far the viewer scrolls, and a row keeps its element
 * (and focus) while it stays in the window. Lit's `repeat` creates a part per row scrolled in and
 * removes one per row scrolled out, which leaves a comment node behind each time (lit/lit#5010).
 */
class RowSlotsDirective extends Directive {
  // In DOM order: the window's rows, contiguous and ascending, with empty spares (-1) either side.
  #slots: Slot[] = [];

  render(indexes: readonly number[], row: (index: number) => unknown): unknown {
    return indexes.map(row);
  }

  override update(container: ChildPart, [indexes, row]: [readonly number[], (index: number) => unknown]) {
    const first = indexes[0] ?? 0;
    const last = first + indexes.length - 1;
    const slots = this.#slots;
    // The slots whose rows stay in the window: their DOM stays where it is.
    const keptAt = slots.findIndex((slot) => slot.index >= first && slot.index <= last);
    // Spares (no row) end up above and below the rows; only slots changing ends move.
    let sparesAbove: Slot[] = [];
    let live: Slot[];
    let sparesBelow: Slot[];
    if (keptAt === -1) {
      // A jump: every slot takes another row where it is.
      live = slots.slice(0, indexes.length);
      sparesBelow = slots.slice(indexes.length);
      while (live.length < indexes.length) live.push({ index: -1, part: insertPart(container) });
    } else {
      let keptEnd = keptAt;
      while (keptEnd < slots.length && slots[keptEnd].index >= first && slots[keptEnd].index <= last) keptEnd += 1;
      const kept = slots.slice(keptAt, keptEnd);
      sparesAbove = slots.slice(0, keptAt);
      sparesBelow = slots.slice(keptEnd);
      // Rows above the kept ones take the free slots right above them, then the farthest below (moved).
      const needAbove = kept[0].index - first;
      const above = sparesAbove.splice(Math.max(0, sparesAbove.length - needAbove));
      const aboveRef = above[0]?.part ?? kept[0].part;
      const movedAbove: Slot[] = [];
      while (movedAbove.length + above.length < needAbove)
        movedAbove.push(this.#move(container, aboveRef, sparesBelow.pop()));
      // Rows below take the free slots right below, then the farthest above (moved).
      const needBelow = last - kept[kept.length - 1].index;
      const below = sparesBelow.splice(0, needBelow);
      const belowRef = sparesBelow[0]?.part;
      while (below.length < needBelow) below.push(this.#move(container, belowRef, sparesAbove.shift()));
      live = [...movedAbove, ...above, ...kept, ...below];
    }
    live.forEach((slot, i) => {
      slot.index = first + i;
      setChildPartValue(slot.part, row(slot.index));
    });
    for (const spare of [...sparesAbove, ...sparesBelow]) {
      if (spare.index !== -1) setChildPartValue(spare.part, nothing);
      spare.index = -1;
    }
    this.#slots = [...sparesAbove, ...live, ...sparesBelow];
    setCommittedValue(
      container,
      this.#slots.map((slot) => slot.part),
    );
    return noChange;
  }

  /** Moves `slot` (or a new one) before `ref` (or to the end). */
  #move(container: ChildPart, ref: ChildPart | undefined, slot: Slot | undefined): Slot {
    return { index: -1, part: insertPart(container, ref, slot?.part) };
  }
}

/** `${rowSlots(window.indexes(), (index) => html`<div role="row">…</div>`)}`: the rows in recycled slots. */
export const rowSlots = directive(RowSlotsDirective);
