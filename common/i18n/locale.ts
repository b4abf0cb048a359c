/**
 * Which language the interface speaks. English is the source and is complete; German and Japanese are reviewed
 * translations; `en-XA` is a pseudo-locale (accented, 40% longer, bracketed) that shows untranslated or clipped
 * text at a glance. The app follows the OS (Electron's `app.getLocale()`) unless the user picks one; the CLI
 * follows `LC_ALL`, `LC_MESSAGES`, `LANG` like every other terminal program.
 */
export const TRANSLATED_LOCALES = ['en', 'de', 'ja'] as const;
export type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number];
export const PSEUDO_LOCALE = 'en-XA';
export type UiLocale = TranslatedLocale | typeof PSEUDO_LOCALE;
export const UI_LOCALES: readonly UiLocale[] = [...TRANSLATED_LOCALES, PSEUDO_LOCALE];

/** `de-DE`, `de_AT.UTF-8`, `ja`, `en-XA` -> a locale we ship; anything else (`C`, `POSIX`, `fr-FR`, '') -> English. */
export function resolveLocale(tag: string | null | undefined): UiLocale {
  if (!tag) return 'en';
  const normalised = tag.split(/[.@]/)[0]!.replace(/_/g, '-').toLowerCase();
  if (normalised === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  const language = normalised.split('-')[0];
  return (TRANSLATED_LOCALES as readonly string[]).find((locale) => locale === language) as TranslatedLocale | undefined ?? 'en';
}

/** The terminal's language, by POSIX precedence: LC_ALL over LC_MESSAGES over LANG. */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): UiLocale {
  return resolveLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** What `Intl` formats numbers, dates and plurals with: the pseudo-locale formats like English. */
export function intlLocaleOf(locale: UiLocale): string {
  return locale === PSEUDO_LOCALE ? 'en' : locale;
}
