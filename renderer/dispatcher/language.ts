/** The interface language: applied before the first render, told to main, changed from the picker. */
import { setUiLocale } from '../../common/i18n/t';
import type { UiLocale } from '../../common/i18n/locale';
import { LANGUAGE_KEY, localeOfChoice, parseLanguageChoice, type LanguageChoice } from '../state/language';
import { Store } from '../state/store';
import { wharf } from './api';
import type { NoticesController } from './notices';

export interface LanguageState {
  readonly choice: LanguageChoice;
  readonly locale: UiLocale;
}

function stored(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

/** Owns the language store; the root component re-renders everything when it changes. */
export class LanguageController {
  readonly store: Store<LanguageState>;

  constructor(private readonly notices: NoticesController) {
    const choice = parseLanguageChoice(stored());
    this.store = new Store({ choice, locale: setUiLocale(localeOfChoice(choice, navigator.language)) });
  }

  /** Main's menus, notices and errors speak the window's language (asked once on start, and after each change). */
  async tellMain(): Promise<void> {
    const told = await wharf().uiLanguageSet({ locale: this.store.get().locale });
    if (!told.ok) this.notices.report(told.error);
  }

  /** The user picked a language (or "System"): remembered, applied at once, then told to main. */
  async choose(choice: LanguageChoice): Promise<void> {
    try {
      localStorage.setItem(LANGUAGE_KEY, choice);
    } catch {
      // Storage refused (a private profile): the choice lasts for this window.
    }
    const locale = setUiLocale(localeOfChoice(choice, navigator.language));
    this.store.set({ choice, locale });
    await this.tellMain();
  }
}
