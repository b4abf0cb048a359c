/**
 * Turns message ids into text in one locale, and numbers, sizes and dates into that locale's forms (`Intl`).
 * Both processes and the CLI use the same catalogue and the same rules; each keeps one current translator
 * (see `t.ts`).
 */
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageId } from './catalog';
import { catalogTexts, type CatalogTexts } from './catalog-texts';
import { intlLocaleOf, PSEUDO_LOCALE, type UiLocale } from './locale';
import { pseudoLocalize } from './pseudo';
import { joinedMessage, simpleMessageElements, type CompiledMessage } from './simple-message';

export { simpleMessageElements } from './simple-message';

export type MessageValues = Readonly<Record<string, string | number | Date | null | undefined>>;

export interface Translator {
  readonly locale: UiLocale;
  /** The BCP 47 tag `Intl` formats with (`en` for the pseudo-locale). */
  readonly intlLocale: string;
  text(id: MessageId, values?: MessageValues): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  dateTime(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
}

/**
 * IntlMessageFormat resolves each new format's locale with `Intl.NumberFormat.supportedLocalesOf`, whose first
 * call loads ICU's whole locale list: 60-120 ms of a CLI command's start, more than the rest of a plural message
 * (`Intl.PluralRules` costs 3-5 ms). It keeps the result only for `resolvedOptions()` and for parsing strings;
 * we hand it parsed messages in the few locales we ship, which every ICU build (Node's, Chromium's) has.
 */
IntlMessageFormat.resolveLocale = (locales) => new Intl.Locale(typeof locales === 'string' ? locales : (locales[0] ?? 'en'));

export function createTranslator(locale: UiLocale): Translator {
  const intlLocale = intlLocaleOf(locale);
  const formats = new Map<MessageId, CompiledMessage>();
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const dateFormats = new Map<string, Intl.DateTimeFormat>();

  // The language's texts are loaded at the first message, not when the translator is made (the CLI makes an
  // English one before it reads the terminal's language).
  let texts: CatalogTexts | null = null;

  function compile(id: MessageId): CompiledMessage {
    texts ??= catalogTexts(locale === PSEUDO_LOCALE ? 'en' : locale);
    const text = Object.hasOwn(texts, id) ? texts[id] : undefined;
    if (text === undefined) throw new Error(`No message ${String(id)} in the catalogue.`);
    // Tags are off: server texts such as proftpd's `<Limit PROT>` are words here, not markup.
    let elements: MessageFormatElement[] = simpleMessageElements(text) ?? parse(text, { ignoreTag: true });
    if (locale === PSEUDO_LOCALE) elements = pseudoLocalize(elements);
    const joined = joinedMessage(elements, id);
    if (joined) return joined;
    const format = new IntlMessageFormat(elements, intlLocale, undefined, { ignoreTag: true });
    return (values) => String(format.format(values as Record<string, string | number | Date>));
  }

  return {
    locale,
    intlLocale,
    text(id, values) {
      let format = formats.get(id);
      if (!format) {
        format = compile(id);
        formats.set(id, format);
      }
      // Absent optional values read as empty rather than throwing in the middle of an error message.
      const cleaned = values ? Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ''])) : undefined;
      return format(cleaned);
    },
    number(value, options) {
      const key = JSON.stringify(options ?? {});
      let format = numberFormats.get(key);
      if (!format) {
        format = new Intl.NumberFormat(intlLocale, options);
        numberFormats.set(key, format);
      }
      return format.format(value);
    },
    dateTime(value, options) {
      const key = JSON.stringify(options ?? {});
      let format = dateFormats.get(key);
      if (!format) {
        format = new Intl.DateTimeFormat(intlLocale, options);
        dateFormats.set(key, format);
      }
      return format.format(value);
    },
  };
}
