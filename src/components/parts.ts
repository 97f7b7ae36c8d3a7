/**
 * Every CSS part name of the elements: one name per idea, meaning the same in each element (the README's
 * parts table describes them). A second name in a `part` attribute refines the first: `row row-selected`,
 * `button button-primary`, `state alert`.
 */
export const PARTS = [
  // Areas
  'header',
  'toolbar',
  'footer',
  'actions',
  'group',
  'pane',
  'detail',
  'tabs',
  'tab',
  'tab-selected',
  'tab-panel',
  // Tables
  'table',
  'header-row',
  'header-cell',
  'row',
  'row-selected',
  'cell',
  'skeleton',
  // Controls
  'button',
  'button-primary',
  'button-danger',
  'button-icon',
  'search',
  'filter',
  'form',
  'field',
  'input',
  'choice',
  'field-error',
  'listbox',
  'option',
  // Messages
  'alert',
  'note',
  'hint',
  'state',
  'dialog',
  'toast',
  // Content
  'avatar',
  'badge',
  'count',
  'item',
  'steps',
  'review',
  'meter',
  'meter-fill',
  'progress',
  'chart',
  'chart-bar',
] as const;

export type PartName = (typeof PARTS)[number];

/** `exportparts` of an element rendered inside another: every part under its own name, no prefixes. */
export const EXPORT_PARTS = PARTS.join(', ');
