/**
 * Turns message ids into text in one locale, and numbers, sizes and dates into that locale's forms (`Intl`).
 * Both processes and the CLI use the same catalogue and the same rules; each keeps one current translator
 * (see `t.ts`).
 */
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOG, type MessageId } from './catalog';
import { intlLocaleOf, PSEUDO_LOCALE, type UiLocale } from './locale';
import { pseudoLocalize } from './pseudo';

export type MessageValues = Readonly<Record<string, string | number | Date | null | undefined>>;

export interface Translator {
  readonly locale: UiLocale;
  /** The BCP 47 tag `Intl` formats with (`en` for the pseudo-locale). */
  readonly intlLocale: string;
  text(id: MessageId, values?: MessageValues): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  dateTime(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
}

export function createTranslator(locale: UiLocale): Translator {
  const intlLocale = intlLocaleOf(locale);
  const formats = new Map<MessageId, IntlMessageFormat>();
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const dateFormats = new Map<string, Intl.DateTimeFormat>();

  function compile(id: MessageId): IntlMessageFormat {
    const translations = CATALOG[id];
    if (!translations) throw new Error(`No message ${String(id)} in the catalogue.`);
    // Tags are off: server texts such as proftpd's `<Limit PROT>` are words here, not markup.
    let elements: MessageFormatElement[] = parse(locale === PSEUDO_LOCALE ? translations.en : translations[locale], { ignoreTag: true });
    if (locale === PSEUDO_LOCALE) elements = pseudoLocalize(elements);
    return new IntlMessageFormat(elements, intlLocale, undefined, { ignoreTag: true });
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
      return String(format.format(cleaned));
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
