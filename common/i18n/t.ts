/**
 * The process's current language. Main sets it at start (from the OS or the user's choice) and when the user
 * changes it; the renderer sets it before its first render; the CLI from the environment. Code that shows text
 * calls `t('area.id', { ... })` and never holds a string of its own.
 */
import type { MessageId } from './catalog';
import { resolveLocale, type UiLocale } from './locale';
import { createTranslator, type MessageValues, type Translator } from './translator';

let current: Translator = createTranslator('en');
const listeners = new Set<(locale: UiLocale) => void>();

/** Switches the language; `tag` may be anything `resolveLocale` reads (`de-DE`, `ja_JP.UTF-8`, `en-XA`). */
export function setUiLocale(tag: string | null | undefined): UiLocale {
  const locale = resolveLocale(tag);
  if (locale !== current.locale) {
    current = createTranslator(locale);
    for (const listener of listeners) listener(locale);
  }
  return locale;
}

export function uiLocale(): UiLocale {
  return current.locale;
}

/** The current translator, for numbers and dates (`translator().number(n)`). */
export function translator(): Translator {
  return current;
}

/** Called after each change of language (the renderer re-renders; main re-sends its menu). */
export function onUiLocaleChange(listener: (locale: UiLocale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text of a message in the current language. */
export function t(id: MessageId, values?: MessageValues): string {
  return current.text(id, values);
}
