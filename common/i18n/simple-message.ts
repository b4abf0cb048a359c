/**
 * Messages read and formatted without the ICU parser and without IntlMessageFormat: text, `{name}` arguments
 * and `{name, select, key {...} other {...}}` whose branches are of the same kind. The parser's first use costs
 * a CLI command ~10-20 ms and an IntlMessageFormat resolves its locale through Intl; most messages need
 * neither. Anything else (a quote, a plural, a number or date format, odd spacing) is left to them;
 * test/i18n/catalog.test.ts checks that both readings of every catalogue message agree.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** A compiled message: what the translator calls with the message's values. */
export type CompiledMessage = (values: Record<string, unknown> | undefined) => string;

const LITERAL = /[^{}']*/y;
const ARGUMENT = /\{([A-Za-z_][A-Za-z0-9_]*)\}/y;
const SELECT_START = /\{([A-Za-z_][A-Za-z0-9_]*), select,/y;
const OPTION_START = /\s*([A-Za-z0-9_]+)\s*\{/y;
const SELECT_END = /\s*\}/y;

/** Reads elements from `at` until the text ends (top level) or a `}` closes a select's branch (nested). */
function readElements(text: string, at: number, nested: boolean): { elements: MessageFormatElement[]; end: number } | null {
  const elements: MessageFormatElement[] = [];
  let pos = at;
  for (;;) {
    LITERAL.lastIndex = pos;
    const literal = LITERAL.exec(text)?.[0] ?? '';
    if (literal !== '') elements.push({ type: TYPE.literal, value: literal });
    pos += literal.length;
    if (pos === text.length) return nested ? null : { elements, end: pos };
    const next = text[pos];
    if (next === '}') return nested ? { elements, end: pos } : null;
    if (next !== '{') return null; // a quote: the parser's rules
    ARGUMENT.lastIndex = pos;
    const argument = ARGUMENT.exec(text);
    if (argument) {
      elements.push({ type: TYPE.argument, value: argument[1]! });
      pos = ARGUMENT.lastIndex;
      continue;
    }
    const select = readSelect(text, pos);
    if (!select) return null;
    elements.push(select.element);
    pos = select.end;
  }
}

/** `{name, select, key {...} ... other {...}}` at `at`, with branches readElements reads; null otherwise. */
function readSelect(text: string, at: number): { element: MessageFormatElement; end: number } | null {
  SELECT_START.lastIndex = at;
  const start = SELECT_START.exec(text);
  if (!start) return null;
  let pos = SELECT_START.lastIndex;
  const options: Record<string, { value: MessageFormatElement[] }> = {};
  for (;;) {
    SELECT_END.lastIndex = pos;
    if (SELECT_END.exec(text)) {
      // The parser refuses a select without `other`: let it say so.
      if (!Object.hasOwn(options, 'other')) return null;
      return { element: { type: TYPE.select, value: start[1]!, options }, end: SELECT_END.lastIndex };
    }
    OPTION_START.lastIndex = pos;
    const option = OPTION_START.exec(text);
    if (!option || Object.hasOwn(options, option[1]!)) return null;
    const branch = readElements(text, OPTION_START.lastIndex, true);
    if (!branch) return null;
    options[option[1]!] = { value: branch.elements };
    pos = branch.end + 1;
  }
}

/**
 * The elements `parse(text, { ignoreTag: true })` gives a message of text, `{name}` arguments and selects of
 * such branches, read without the parser; null for anything else.
 */
export function simpleMessageElements(text: string): MessageFormatElement[] | null {
  return readElements(text, 0, false)?.elements ?? null;
}

type Part = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'argument'; readonly name: string } | { readonly kind: 'select'; readonly name: string; readonly options: ReadonlyMap<string, readonly Part[]> };

function partsOf(elements: readonly MessageFormatElement[]): Part[] | null {
  const parts: Part[] = [];
  for (const element of elements) {
    if (element.type === TYPE.literal) parts.push({ kind: 'text', text: element.value });
    else if (element.type === TYPE.argument) parts.push({ kind: 'argument', name: element.value });
    else if (element.type === TYPE.select) {
      const options = new Map<string, readonly Part[]>();
      for (const [key, option] of Object.entries(element.options)) {
        const branch = partsOf(option.value);
        if (!branch) return null;
        options.set(key, branch);
      }
      parts.push({ kind: 'select', name: element.value, options });
    } else return null;
  }
  return parts;
}

/**
 * Text, `{name}` arguments and selects (most messages): joined here, as IntlMessageFormat would: an argument is
 * `String(value)`, a select takes the branch named by the value or `other`, and a value not given throws.
 */
export function joinedMessage(elements: readonly MessageFormatElement[], id: string): CompiledMessage | null {
  const parts = partsOf(elements);
  if (!parts) return null;
  const valueOf = (values: Record<string, unknown> | undefined, name: string): unknown => {
    if (values && name in values) return values[name];
    throw new Error(`The message ${id} needs a value for {${name}}.`);
  };
  const join = (list: readonly Part[], values: Record<string, unknown> | undefined): string => {
    let out = '';
    for (const part of list) {
      if (part.kind === 'text') out += part.text;
      else if (part.kind === 'argument') out += String(valueOf(values, part.name));
      else out += join(part.options.get(String(valueOf(values, part.name))) ?? part.options.get('other')!, values);
    }
    return out;
  };
  return (values) => join(parts, values);
}
