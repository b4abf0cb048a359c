import type { TranslatedLocale } from './locale';

/**
 * One message in every language we ship, in ICU MessageFormat (`{count, plural, one {# file} other {# files}}`).
 * Keeping the three side by side means a new English message cannot land without its German and Japanese: the
 * type refuses it.
 */
export type Translations = { readonly [L in TranslatedLocale]: string };

/** Declares one area's messages; ids are `area.what` (e.g. `queue.pauseAll`). */
export function defineMessages<const T extends Record<string, Translations>>(messages: T): T {
  return messages;
}
