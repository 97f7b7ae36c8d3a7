/**
 * Template typings for Svelte 5 (svelte-check, the Svelte language server): every `roster-*` tag
 * with its properties, kebab-case attributes and events. Svelte sets an attribute as a property when
 * the element has it (so define the tags before mounting) and listens to `on` + the event's exact
 * name: `onroster-select`.
 *
 * ```ts
 * import type {} from 'rosterkit/svelte';   // once, in a .ts file of the app (or "types": ["rosterkit/svelte"])
 * ```
 */
import type { HTMLAttributes } from 'svelte/elements';
import type {
  RosterElementAttributes,
  RosterElementClasses,
  RosterElementEvents,
  RosterElementProperties,
  RosterTagName,
} from './elements.js';

/** `onroster-select={(event: SelectEvent) => …}` for each event of the element. */
export type SvelteEventProps<Events> = {
  [Name in keyof Events & string as `on${Name}`]?: ((event: Events[Name]) => void) | null;
};

/** What a Svelte template accepts on one Roster tag. */
export type RosterSvelteAttributes<Tag extends RosterTagName> = Omit<
  HTMLAttributes<RosterElementClasses[Tag]>,
  keyof RosterElementProperties[Tag]
> &
  Partial<RosterElementProperties[Tag]> &
  RosterElementAttributes[Tag] &
  SvelteEventProps<RosterElementEvents[Tag]>;

/** Every Roster tag, as `SvelteHTMLElements` entries. */
export type RosterSvelteElements = { [Tag in RosterTagName]: RosterSvelteAttributes<Tag> };

declare module 'svelte/elements' {
  interface SvelteHTMLElements extends RosterSvelteElements {}
}
