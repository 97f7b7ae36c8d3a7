/**
 * Every `roster-*` event, one class per event. All bubble and are composed, so a host hears them on
 * the panel or the document; `detail` is typed and never holds a password.
 *
 * Naming: a cancelable intent is `roster-before-<noun>-<verb>` (call `preventDefault()` to veto the
 * action; the element then does not call the API), a fact is past tense (`roster-user-created`),
 * a request the element cannot fulfil itself is `roster-<noun>-<verb>-request`. Class name = event
 * name without the prefix, in PascalCase, plus `Event`. Add new events as one block each, with its
 * `GlobalEventHandlersEventMap` line at the bottom.
 */
import type { Access, User, UserCreate, UserPatch } from '../sdk/index.js';

/** Base of every Roster event: bubbling, composed, typed `detail`. */
export class RosterCustomEvent<D> extends CustomEvent<D> {
  constructor(type: string, detail: D, { cancelable = false }: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable, detail });
  }
}

/** Input without the write-only password, for event details. */
export type UserCreateDetail = Omit<UserCreate, 'password'>;
export type UserPatchDetail = Omit<UserPatch, 'password'>;

// ---- Selection and navigation --------------------------------------------------------------

/** `roster-select`: the viewer chose a user (click or Enter on a row). */
export class SelectEvent extends RosterCustomEvent<{ user: User }> {
  static readonly eventName = 'roster-select';
  constructor(user: User) {
    super(SelectEvent.eventName, { user });
  }
}

/**
 * `roster-user-create-request`: the viewer asked to add a user (the list's "New user" action).
 * The panel answers by opening the editor; a host using the list alone opens its own flow.
 * Cancelable: the panel opens nothing when a listener called `preventDefault()`.
 */
export class UserCreateRequestEvent extends RosterCustomEvent<Record<string, never>> {
  static readonly eventName = 'roster-user-create-request';
  constructor() {
    super(UserCreateRequestEvent.eventName, {}, { cancelable: true });
  }
}

// ---- Profile writes: intents (cancelable) ----------------------------------------------------

/** `roster-before-user-create`: about to `POST /users`. Cancelable. */
export class BeforeUserCreateEvent extends RosterCustomEvent<{ input: UserCreateDetail }> {
  static readonly eventName = 'roster-before-user-create';
  constructor(input: UserCreateDetail) {
    super(BeforeUserCreateEvent.eventName, { input }, { cancelable: true });
  }
}

/** `roster-before-user-update`: about to `PATCH /users/{id}`. Cancelable. */
export class BeforeUserUpdateEvent extends RosterCustomEvent<{ user: User; patch: UserPatchDetail }> {
  static readonly eventName = 'roster-before-user-update';
  constructor(user: User, patch: UserPatchDetail) {
    super(BeforeUserUpdateEvent.eventName, { user, patch }, { cancelable: true });
  }
}

/** `roster-before-user-delete`: about to `DELETE /users/{id}`. Cancelable. */
export class BeforeUserDeleteEvent extends RosterCustomEvent<{ user: User; tasks: 'transfer' | 'delete' }> {
  static readonly eventName = 'roster-before-user-delete';
  constructor(user: User, tasks: 'transfer' | 'delete') {
    super(BeforeUserDeleteEvent.eventName, { user, tasks }, { cancelable: true });
  }
}

// ---- Profile writes: facts -------------------------------------------------------------------

/** `roster-user-created`: a profile was created (pending verification). */
export class UserCreatedEvent extends RosterCustomEvent<{ user: User }> {
  static readonly eventName = 'roster-user-created';
  constructor(user: User) {
    super(UserCreatedEvent.eventName, { user });
  }
}

/** `roster-user-updated`: a profile was saved. */
export class UserUpdatedEvent extends RosterCustomEvent<{ user: User }> {
  static readonly eventName = 'roster-user-updated';
  constructor(user: User) {
    super(UserUpdatedEvent.eventName, { user });
  }
}

/** `roster-user-deleted`: a profile was deleted; its tasks were transferred to the owner or deleted. */
export class UserDeletedEvent extends RosterCustomEvent<{ user: User; tasks: 'transfer' | 'delete' }> {
  static readonly eventName = 'roster-user-deleted';
  constructor(user: User, tasks: 'transfer' | 'delete') {
    super(UserDeletedEvent.eventName, { user, tasks });
  }
}

/**
 * `roster-verification-sent`: a new verification link was sent to a pending profile. A listener that
 * tells the viewer itself (a toast in a live region) calls `markAnnounced()`: the element that sent
 * the link then does not announce it too, so a screen reader hears it once.
 */
export class VerificationSentEvent extends RosterCustomEvent<{ user: User }> {
  static readonly eventName = 'roster-verification-sent';
  #announced = false;
  constructor(user: User) {
    super(VerificationSentEvent.eventName, { user });
  }

  /** Whether a listener announced the sent link itself. */
  get announced(): boolean {
    return this.#announced;
  }

  markAnnounced(): void {
    this.#announced = true;
  }
}

// ---- Form controls and access ----------------------------------------------------------------

/** `roster-change`: a form-control element's `value` changed by user input. */
export class RosterChangeEvent<T = unknown> extends RosterCustomEvent<{ value: T }> {
  static readonly eventName = 'roster-change';
  constructor(value: T) {
    super(RosterChangeEvent.eventName, { value });
  }
}

/** `roster-grants-changed`: a user's tool and task access was saved. */
export class GrantsChangedEvent extends RosterCustomEvent<{ user: User; access: Access }> {
  static readonly eventName = 'roster-grants-changed';
  constructor(user: User) {
    super(GrantsChangedEvent.eventName, { user, access: user.access });
  }
}

// ---- Statistics ------------------------------------------------------------------------------

/** `roster-events-exported`: a user's filtered event history was exported as CSV and offered as a download. */
export class EventsExportedEvent extends RosterCustomEvent<{ userId: string; fileName: string; count: number }> {
  static readonly eventName = 'roster-events-exported';
  constructor(userId: string, fileName: string, count: number) {
    super(EventsExportedEvent.eventName, { userId, fileName, count });
  }
}

// ---- Editor navigation -----------------------------------------------------------------------

/**
 * `roster-before-leave`: the editor is about to be left with unsaved changes (its `confirmLeave()`
 * was called). Cancelable: `preventDefault()` keeps the viewer in the editor and suppresses the
 * editor's own "Discard unsaved changes?" question (a host showing its own calls `discardChanges()`
 * when the viewer agrees). `detail.user` is the profile edited, absent while creating.
 */
export class BeforeLeaveEvent extends RosterCustomEvent<{ user?: User }> {
  static readonly eventName = 'roster-before-leave';
  constructor(user: User | undefined) {
    super(BeforeLeaveEvent.eventName, { user }, { cancelable: true });
  }
}

/**
 * `roster-editor-close-request`: the viewer is done with the editor ("Cancel" after confirming,
 * "Done" after a create, or after a delete). The panel answers by closing it.
 */
export class EditorCloseRequestEvent extends RosterCustomEvent<{ user?: User }> {
  static readonly eventName = 'roster-editor-close-request';
  constructor(user: User | undefined) {
    super(EditorCloseRequestEvent.eventName, { user });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'roster-select': SelectEvent;
    'roster-user-create-request': UserCreateRequestEvent;
    'roster-before-user-create': BeforeUserCreateEvent;
    'roster-before-user-update': BeforeUserUpdateEvent;
    'roster-before-user-delete': BeforeUserDeleteEvent;
    'roster-user-created': UserCreatedEvent;
    'roster-user-updated': UserUpdatedEvent;
    'roster-user-deleted': UserDeletedEvent;
    'roster-verification-sent': VerificationSentEvent;
    'roster-change': RosterChangeEvent;
    'roster-grants-changed': GrantsChangedEvent;
    'roster-before-leave': BeforeLeaveEvent;
    'roster-editor-close-request': EditorCloseRequestEvent;
    'roster-events-exported': EventsExportedEvent;
  }
}
