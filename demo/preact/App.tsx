import { useState } from 'preact/hooks';
import type { SelectEvent } from 'rosterkit';
import type { User } from 'rosterkit/sdk';
import { client, strings } from '../shared/example-client.js';

export function App() {
  const [locale, setLocale] = useState<'en' | 'de'>('en');
  const [selected, setSelected] = useState<User>();
  const handleSelect = (event: SelectEvent) => setSelected(event.detail.user);

  return (
    <main>
      <p>
        <button id="toggle-locale" type="button" onClick={() => setLocale(locale === 'en' ? 'de' : 'en')}>
          {locale === 'en' ? 'Deutsch' : 'English'}
        </button>{' '}
        Selected: <output id="selected">{selected ? `${selected.firstName} ${selected.lastName}` : 'nobody'}</output>
      </p>
      <roster-panel client={client} locale={locale} i18n={strings} onroster-select={handleSelect} />
      {selected && <roster-access-grants client={client} user-id={selected.id} readonly />}
      <roster-shared-tasks client={client} pageSize={2} />
    </main>
  );
}
