/**
 * The interface language: the OS's (what Chromium reports as `navigator.language`, which Electron takes from
 * the OS) unless the user picked one. The choice is remembered in the window's storage next to the other view
 * preferences (`wharf.language`).
 */
import { PSEUDO_LOCALE, resolveLocale, UI_LOCALES, type UiLocale } from '../../common/i18n/locale';

export const LANGUAGE_KEY = 'wharf.language';

/** `system` follows the OS; anything else is a locale we ship. */
export type LanguageChoice = 'system' | UiLocale;

export const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['system', ...UI_LOCALES];

/**
 * How each language names itself in the picker: a language's own name is what its speakers look for, whatever
 * the interface shows now (as in FileZilla's and every OS's language lists). `system` is a message.
 */
export const LANGUAGE_NATIVE_NAMES: Readonly<Record<UiLocale, string>> = {
  en: 'English',
  de: 'Deutsch',
  ja: '日本語',
  [PSEUDO_LOCALE]: 'Pseudo (en-XA)',
};

/** A stored value read back; anything unknown (an old or hand-edited value) follows the OS. */
export function parseLanguageChoice(stored: string | null): LanguageChoice {
  return (LANGUAGE_CHOICES as readonly string[]).includes(stored ?? '') ? (stored as LanguageChoice) : 'system';
}

/** The locale a choice means on this machine. */
export function localeOfChoice(choice: LanguageChoice, osLanguage: string | null | undefined): UiLocale {
  return choice === 'system' ? resolveLocale(osLanguage) : choice;
}
