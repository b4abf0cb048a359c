/**
 * Turns message ids into text in one locale, and numbers, sizes and dates into that locale's forms (`Intl`).
 * Both processes and the CLI use the same catalogue and the same rules; each keeps one current translator
 * (see `t.ts`).
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageId } from './catalog';
import { catalogTexts, type CatalogTexts } from './catalog-texts';
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

/** A compiled message: what `text` calls with the message's values. */
type CompiledMessage = (values: Record<string, unknown> | undefined) => string;

/**
 * Text and `{name}` arguments only (most messages): joined here. Building an IntlMessageFormat resolves its
 * locale through Intl, which costs the CLI's first message tens of milliseconds; only plurals, selects, numbers
 * and dates need it. Same results: a plain argument is `String(value)`, and a value not given at all throws.
 */
function joinedMessage(elements: readonly MessageFormatElement[], id: MessageId): CompiledMessage | null {
  const parts: { readonly text: string; readonly argument: boolean }[] = [];
  for (const element of elements) {
    if (element.type === TYPE.literal) parts.push({ text: element.value, argument: false });
    else if (element.type === TYPE.argument) parts.push({ text: element.value, argument: true });
    else return null;
  }
  return (values) => {
    let out = '';
    for (const part of parts) {
      if (!part.argument) out += part.text;
      else if (values && part.text in values) out += String(values[part.text]);
      else throw new Error(`The message ${String(id)} needs a value for {${part.text}}.`);
    }
    return out;
  };
}

/** Text and `{name}` arguments, nothing ICU would read otherwise (no quote, no other braces). */
const PLAIN_MESSAGE = /^[^{}']*(?:\{[A-Za-z_][A-Za-z0-9_]*\}[^{}']*)*$/;

/**
 * The elements `parse` gives a plain message (see PLAIN_MESSAGE), read without the ICU parser: its first use
 * costs a CLI command's start ~10-20 ms, and most messages are plain. Anything else (a quote, a plural, a
 * select, a number format) goes to the parser; test/i18n/catalog.test.ts checks both readings agree.
 */
export function plainMessageElements(text: string): MessageFormatElement[] | null {
  if (!PLAIN_MESSAGE.test(text)) return null;
  const elements: MessageFormatElement[] = [];
  text.split(/\{([A-Za-z_][A-Za-z0-9_]*)\}/).forEach((part, i) => {
    if (i % 2 === 1) elements.push({ type: TYPE.argument, value: part });
    else if (part !== '') elements.push({ type: TYPE.literal, value: part });
  });
  return elements;
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
    let elements: MessageFormatElement[] = plainMessageElements(text) ?? parse(text, { ignoreTag: true });
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
