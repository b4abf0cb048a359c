/** The language picker at the end of the bottom panel's bar: System, or one of the languages Wharf ships. */
import type { ReactNode } from 'react';
import { t } from '../../common/i18n/t';
import { useDispatcher, useStore } from '../hooks';
import { LANGUAGE_CHOICES, LANGUAGE_NATIVE_NAMES, type LanguageChoice } from '../state/language';
import { intlLocaleOf } from '../../common/i18n/locale';

export function LanguagePicker(): ReactNode {
  const dispatcher = useDispatcher();
  const { choice } = useStore(dispatcher.language.store);
  return (
    <label className="language-picker" title={t('app.language.label')}>
      <select aria-label={t('app.language.label')} value={choice} onChange={(e) => void dispatcher.language.choose(e.target.value as LanguageChoice)}>
        {LANGUAGE_CHOICES.map((c) =>
          c === 'system' ? (
            <option key={c} value={c}>
              {t('app.language.system')}
            </option>
          ) : (
            // Each language under its own name, marked as such for screen readers (and for the pseudo-locale check).
            <option key={c} value={c} lang={intlLocaleOf(c)}>
              {LANGUAGE_NATIVE_NAMES[c]}
            </option>
          ),
        )}
      </select>
    </label>
  );
}
