import { ChangeDetectionStrategy, Component, computed, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { SelectEvent } from 'rosterkit';
import type { User } from 'rosterkit/sdk';
import { client, strings } from '../shared/example-client.js';

@Component({
  selector: 'app-root',
  // `roster-*` tags are custom elements, not Angular components: `[name]` sets the property,
  // `(event-name)` listens to the DOM event of that name.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // `readonly` stays a plain attribute: Angular maps a `[readonly]` binding to the DOM's `readOnly`.
  template: `
    <main>
      <p>
        <button id="toggle-locale" type="button" (click)="locale.set(locale() === 'en' ? 'de' : 'en')">
          {{ locale() === 'en' ? 'Deutsch' : 'English' }}
        </button>
        Selected: <output id="selected">{{ selectedName() }}</output>
      </p>
      <roster-panel [client]="client" [locale]="locale()" [i18n]="strings" (roster-select)="onSelect($event)"></roster-panel>
      @if (selected(); as user) {
        <roster-access-grants [client]="client" [userId]="user.id" readonly></roster-access-grants>
      }
      <roster-shared-tasks [client]="client" [pageSize]="2"></roster-shared-tasks>
    </main>
  `,
})
export class App {
  protected readonly client = client;
  protected readonly strings = strings;
  protected readonly locale = signal<'en' | 'de'>('en');
  protected readonly selected = signal<User | undefined>(undefined);
  protected readonly selectedName = computed(() => {
    const user = this.selected();
    return user ? `${user.firstName} ${user.lastName}` : 'nobody';
  });

  // strictTemplates types `$event` from the event map the package declares, so this must fit `roster-select`.
  protected onSelect(event: SelectEvent): void {
    this.selected.set(event.detail.user);
  }
}
