/**
 * JSX typings for React 19: every `roster-*` tag with its properties, kebab-case attributes and
 * events. React 19 sets a prop as a property when the element has it (so define the tags before the
 * first render), and adds a listener for `on` + the event's exact name: `onroster-select`.
 *
 * ```ts
 * import type {} from 'rosterkit/react';   // once, anywhere in the app (or "types": ["rosterkit/react"])
 * <roster-panel client={client} locale="de" onroster-select={(e) => setName(e.detail.user.firstName)} />
 * ```
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  RosterElementAttributes,
  RosterElementClasses,
  RosterElementEvents,
  RosterElementProperties,
  RosterTagName,
} from './elements.js';

/** `onroster-select={(event: SelectEvent) => …}` for each event of the element. */
export type ReactEventProps<Events> = {
  [Name in keyof Events & string as `on${Name}`]?: (event: Events[Name]) => void;
};

/** What JSX accepts on one Roster tag. */
export type RosterReactProps<Tag extends RosterTagName> = Omit<
  DetailedHTMLProps<HTMLAttributes<RosterElementClasses[Tag]>, RosterElementClasses[Tag]>,
  keyof RosterElementProperties[Tag]
> &
  Partial<RosterElementProperties[Tag]> &
  RosterElementAttributes[Tag] &
  ReactEventProps<RosterElementEvents[Tag]>;

/** Every Roster tag, as React's `IntrinsicElements` entries. */
export type RosterIntrinsicElements = { [Tag in RosterTagName]: RosterReactProps<Tag> };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends RosterIntrinsicElements {}
  }
}
