/**
 * Inline styles through the CSSOM from the first render on. Lit's `styleMap` writes its first value
 * as a `style` attribute, which a strict CSP (`style-src` without 'unsafe-inline') blocks: the style
 * is lost until the next update, and a violation is reported.
 *
 *     html`<div class="body" ${styleProps({ 'block-size': '400px' })}>…</div>`
 */
import { noChange } from 'lit';
import { Directive, type ElementPart, PartType, type PartInfo, directive } from 'lit/directive.js';

/** Dash-case property names (`block-size`, `--roster-x`) to values; null or undefined removes one. */
export type StyleProps = Readonly<Record<string, string | null | undefined>>;

class StylePropsDirective extends Directive {
  private applied = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT)
      throw new Error('styleProps is an element binding: <div ${styleProps({ … })}>');
  }

  render(_props: StyleProps) {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]) {
    const { style } = part.element as HTMLElement;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(props)) {
      if (value === null || value === undefined) continue;
      style.setProperty(name, value);
      next.add(name);
    }
    for (const name of this.applied) if (!next.has(name)) style.removeProperty(name);
    this.applied = next;
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
