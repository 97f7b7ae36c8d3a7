// JSX typings for the Roster tags in Preact, built from the same tables as rosterkit/react:
// properties and kebab-case attributes, and `on` + the exact event name (`onroster-select`).
import type { JSX } from 'preact';
import type {
  RosterElementAttributes,
  RosterElementClasses,
  RosterElementEvents,
  RosterElementProperties,
  RosterTagName,
} from '../../src/types/elements.js';

type PreactEventProps<Events> = { [Name in keyof Events & string as `on${Name}`]?: (event: Events[Name]) => void };

type RosterPreactProps<Tag extends RosterTagName> = Omit<
  JSX.HTMLAttributes<RosterElementClasses[Tag]>,
  keyof RosterElementProperties[Tag]
> &
  Partial<RosterElementProperties[Tag]> &
  RosterElementAttributes[Tag] &
  PreactEventProps<RosterElementEvents[Tag]>;

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements extends RosterPreactIntrinsicElements {}
  }
}

type RosterPreactIntrinsicElements = { [Tag in RosterTagName]: RosterPreactProps<Tag> };
