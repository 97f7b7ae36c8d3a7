/**
 * Windowing for lists whose rows share one height: only the rows in view (plus a few either side)
 * are rendered, so 100,000 rows cost the DOM of a screenful. Equal row heights turn the general
 * virtualiser's measuring into arithmetic, for a small fraction of its bytes.
 *
 *     private readonly window = new VirtualWindow(this, { count: () => this.rows.length, onRange: (a, b) => … });
 *     updated() { this.window.observe(scroller, body); }
 *     render() { html`<div class="body" ${styleProps(this.window.bodyStyle())}>${this.window.indexes().map(…)}</div>` }
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface VirtualWindowOptions {
  /** How many rows the list has (loaded or not). */
  count(): number;
  /** Rows rendered beyond each edge of the view. Default 8. */
  overscan?: number;
  /** Called when the rendered range changes, e.g. to load the pages it covers. */
  onRange?(first: number, last: number): void;
}

export class VirtualWindow implements ReactiveController {
  /** First and last rendered row (last < first: none). */
  first = 0;
  last = -1;
  /** First and last row actually in view. */
  visibleFirst = 0;
  visibleLast = -1;
  /** The measured row height in CSS pixels (0 until a row is rendered). */
  rowHeight = 0;

  private scroller?: HTMLElement;
  private body?: HTMLElement;
  private resizeObserver?: ResizeObserver;
  private readonly handleScroll = () => this.measure();

  constructor(private readonly host: ReactiveControllerHost, private readonly options: VirtualWindowOptions) {
    host.addController(this);
  }

  /** Call after each render with the scrolling element and the element that holds the rows. */
  observe(scroller: HTMLElement | null | undefined, body: HTMLElement | null | undefined): void {
    if (scroller !== this.scroller) {
      this.detach();
      this.scroller = scroller ?? undefined;
      if (scroller) {
        scroller.addEventListener('scroll', this.handleScroll, { passive: true });
        this.resizeObserver = new ResizeObserver(() => this.measure());
        this.resizeObserver.observe(scroller);
      }
    }
    this.body = body ?? undefined;
    this.measure();
  }

  /** Row indexes to render, in order. */
  indexes(): number[] {
    const last = Math.min(this.last, this.options.count() - 1);
    return last < this.first ? [] : Array.from({ length: last - this.first + 1 }, (_, i) => this.first + i);
  }

  /** Styles for the rows' container: its full height, with the rows before the window as padding. */
  bodyStyle(): Record<string, string> {
    if (!this.rowHeight) return {};
    return {
      'box-sizing': 'border-box',
      'block-size': `${this.options.count() * this.rowHeight}px`,
      'padding-block-start': `${this.first * this.rowHeight}px`,
    };
  }

  /** Scrolls the least needed to bring row `index` fully into view. */
  scrollIntoView(index: number): void {
    const { scroller, body, rowHeight } = this;
    if (!scroller || !body || !rowHeight) return;
    const offset = this.bodyOffset();
    const top = offset + index * rowHeight;
    const viewTop = scroller.scrollTop + offset;
    if (top < viewTop) scroller.scrollTop = top - offset;
    else if (top + rowHeight > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + rowHeight - scroller.clientHeight;
  }

  /** Re-reads the scroll position and sizes; re-renders the host when the window moved. */
  measure(): void {
    const { scroller, body } = this;
    const count = this.options.count();
    if (!scroller || !body) return;
    const sample = body.querySelector<HTMLElement>(':scope > [data-index]');
    if (sample?.offsetHeight) this.rowHeight = sample.offsetHeight;
    const overscan = this.options.overscan ?? 8;
    // Before a row exists to measure, render a first screenful at a guessed height.
    const height = this.rowHeight || 40;
    const top = Math.max(0, scroller.scrollTop - this.bodyOffset());
    const visibleFirst = Math.min(count, Math.floor(top / height));
    const visibleLast = Math.min(count - 1, Math.ceil((top + scroller.clientHeight) / height) - 1);
    this.visibleFirst = visibleFirst;
    this.visibleLast = visibleLast;
    const first = Math.max(0, visibleFirst - overscan);
    const last = Math.min(count - 1, visibleLast + overscan);
    if (first === this.first && last === this.last) return;
    this.first = first;
    this.last = last;
    this.host.requestUpdate();
    this.options.onRange?.(first, last);
  }

  hostDisconnected(): void {
    this.detach();
    this.scroller = undefined;
  }

  // Where the rows start inside the scrolled content (below a header row, for instance).
  private bodyOffset(): number {
    const { scroller, body } = this;
    if (!scroller || !body) return 0;
    return body.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
  }

  private detach() {
    this.scroller?.removeEventListener('scroll', this.handleScroll);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }
}
