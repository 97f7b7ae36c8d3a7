/** Change notifications: what a successful write changed, so every view of it can update. */
import type { Task, User } from './schemas.js';

/** One successful write. Never carries a password. */
export type RosterChange =
  | { type: 'user-created' | 'user-updated'; userId: string; user: User }
  | { type: 'user-deleted'; userId: string }
  | { type: 'verification-sent'; userId: string }
  /** `userId` is the profile the task's credits were charged to (its owner). */
  | { type: 'task-created'; userId: string; task: Task }
  | { type: 'password-set' };

/** Receives every change made through the client it subscribed to. */
export type ChangeListener = (change: RosterChange) => void;

/** The client's change channel. */
export interface Changes {
  /** Calls `listener` after every successful write; returns the function that unsubscribes it. */
  subscribe(listener: ChangeListener): () => void;
  /** Tells every listener; a listener that throws does not stop the others or the write. */
  emit(change: RosterChange): void;
}

/** A change channel with no listeners yet. */
export function createChanges(): Changes {
  const listeners = new Set<ChangeListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(change) {
      for (const listener of [...listeners]) {
        try {
          listener(change);
        } catch (error) {
          // Reported like an exception in an event listener, without failing the write.
          if (typeof reportError === 'function') reportError(error);
          else
            queueMicrotask(() => {
              throw error;
            });
        }
      }
    },
  };
}
