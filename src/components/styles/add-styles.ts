import { adoptStyles, type CSSResult, supportsAdoptingStyleSheets } from 'lit';

/**
 * Adds `styles` to a shadow root after its element's own: for a part of an element's template
 * whose code, and so whose styles, load on demand.
 */
export function addStyles(root: ShadowRoot, styles: readonly CSSResult[]): void {
  if (supportsAdoptingStyleSheets)
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...styles.map((style) => style.styleSheet!)];
  // Without adoptable sheets Lit renders `<style>` elements, and adds these after its own.
  else adoptStyles(root, [...styles]);
}
