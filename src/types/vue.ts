/**
 * Template typings for Vue 3.5 (Volar / vue-tsc): every `roster-*` tag as a global component with
 * its properties, kebab-case attributes and events, in the shape Vue's guide gives for custom
 * elements. Vue sets a binding as a property when the element has it (`:client="client"`, or
 * `.client` to insist) and listens to `@roster-select` by that exact name. Tell the compiler the
 * tags are custom elements: `vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('roster-') } } })`.
 *
 * ```ts
 * import type {} from 'rosterkit/vue';   // once, anywhere in the app (or "types": ["rosterkit/vue"])
 * ```
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type {
  RosterElementAttributes,
  RosterElementClasses,
  RosterElementEvents,
  RosterElementProperties,
  RosterTagName,
} from './elements.js';

/** `$emit` in the format Vue reads event types from. */
export type VueEmit<Events> = EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;

/** `page-size` → `pageSize`, as Vue names a component's props. */
export type VueCamelize<Name extends string> = Name extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<VueCamelize<Tail>>}`
  : Name;

/**
 * vue-tsc reads `page-size="25"` as the prop `pageSize` (it camelizes every kebab-case name on a
 * component), so the camelCase name takes the attribute's text as well as the property's value.
 */
export type VueAttributes<Attributes> = { [Name in keyof Attributes & string as VueCamelize<Name>]?: Attributes[Name] };

/** One Roster tag as Vue's template type-checking sees a component. */
export type RosterVueElement<Tag extends RosterTagName> = new () => RosterElementClasses[Tag] & {
  /** @deprecated For template type-checking only: not a property of the element. */
  $props: Omit<HTMLAttributes, keyof RosterElementProperties[Tag] | keyof VueAttributes<RosterElementAttributes[Tag]>> &
    Omit<Partial<RosterElementProperties[Tag]>, keyof VueAttributes<RosterElementAttributes[Tag]>> &
    VueAttributes<RosterElementAttributes[Tag]> &
    RosterElementAttributes[Tag] &
    PublicProps;
  /** @deprecated For template type-checking only: not a method of the element. */
  $emit: VueEmit<RosterElementEvents[Tag]>;
};

/** Every Roster tag, as Vue `GlobalComponents` entries. */
export type RosterGlobalComponents = { [Tag in RosterTagName]: RosterVueElement<Tag> };

declare module 'vue' {
  interface GlobalComponents extends RosterGlobalComponents {}
}
