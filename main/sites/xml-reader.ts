import type { MessageId } from '../../common/i18n/catalog';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';

/**
 * A small XML reader for files we import (FileZilla's sitemanager.xml), written here rather than taken from
 * npm: those files hold passwords and come from anywhere, and this subset is all they need. It refuses
 * DOCTYPE (so no entity can be declared: no "billion laughs", no external entities), knows only the five
 * predefined entities and character references, caps size, depth and element count, and its errors give a
 * line and column but never the text around them, which could be a password.
 */

/** One element: its attributes, child elements and its own text (outside children, concatenated). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

/** Limits against hostile input; the defaults are far above any real site manager file. */
export interface XmlLimits {
  /** default 32 Mi characters */
  readonly maxLength?: number;
  /** default 64 */
  readonly maxDepth?: number;
  /** default 1,000,000 */
  readonly maxElements?: number;
}

interface MutableElement {
  name: string;
  attributes: Record<string, string>;
  children: MutableElement[];
  text: string;
}

/** What can be wrong in a document, as a code kept in the error's detail; its text is `importNotes.xml.<code>`. */
export type XmlProblem = MessageId extends infer Id ? (Id extends `importNotes.xml.${infer Code}` ? Code : never) : never;

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes an XML file's bytes: UTF-8 (with or without BOM, the only thing FileZilla writes), UTF-16 with a
 * BOM, or the single-byte encoding its declaration names. Invalid UTF-8 is an error, not replacement marks.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      throw new WharfError('invalid-input', t('sites.unreadableEncoding', { encoding: declared.slice(0, 40) }));
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // strips a UTF-8 BOM
  } catch {
    throw new WharfError('invalid-input', t('sites.notUtf8'));
  }
}

/** Parses a whole document and returns its root element; throws WharfError 'invalid-input'. */
export function parseXml(source: string, limits: XmlLimits = {}): XmlElement {
  const maxLength = limits.maxLength ?? 32 * 1024 * 1024;
  const maxDepth = limits.maxDepth ?? 64;
  const maxElements = limits.maxElements ?? 1_000_000;
  if (source.length > maxLength) throw new WharfError('invalid-input', t('sites.fileTooLarge'));

  const s = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let i = 0;
  let elements = 0;
  let root: MutableElement | undefined;
  const stack: MutableElement[] = [];

  const fail = (problem: XmlProblem, at = i): never => {
    let line = 1;
    let col = 1;
    for (let k = 0; k < at && k < s.length; k++) {
      if (s.charCodeAt(k) === 10) {
        line++;
        col = 1;
      } else col++;
    }
    throw new WharfError('invalid-input', t('sites.notXml', { problem: t(`importNotes.xml.${problem}`), line, column: col }), { detail: { line, column: col, problem } });
  };

  const decode = (raw: string, start: number): string =>
    raw.replace(/&([^;&\s<]*);?/g, (match, ref: string, offset: number) => {
      if (!match.endsWith(';')) fail('strayAmpersand', start + offset);
      if (ref.startsWith('#')) {
        const hex = ref[1] === 'x';
        const digits = hex ? ref.slice(2) : ref.slice(1);
        if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) fail('malformedCharacterReference', start + offset);
        const cp = parseInt(digits, hex ? 16 : 10);
        const allowed = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
        if (!allowed) fail('forbiddenCharacterReference', start + offset);
        return String.fromCodePoint(cp);
      }
      const predefined = PREDEFINED[ref];
      if (predefined === undefined) fail('unknownEntity', start + offset);
      return predefined as string;
    });

  const addText = (text: string, at: number) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
    else if (text.trim() !== '') fail('textOutsideRoot', at);
  };

  const readName = (): string => {
    const m = /^[^\s/>=<"'!?&]+/.exec(s.slice(i, i + 300));
    if (!m) fail('invalidName');
    i += (m as RegExpExecArray)[0].length;
    return (m as RegExpExecArray)[0];
  };

  const skipSpace = () => {
    while (i < s.length && /\s/.test(s[i] as string)) i++;
  };

  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt === -1) {
      addText(decode(s.slice(i), i), i);
      break;
    }
    if (lt > i) addText(decode(s.slice(i, lt), i), i);
    i = lt;

    if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i + 2);
      if (end === -1) fail('unterminatedProcessingInstruction');
      i = end + 2;
    } else if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end === -1) fail('unterminatedComment');
      i = end + 3;
    } else if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i + 9);
      if (end === -1) fail('unterminatedCdata');
      addText(s.slice(i + 9, end), i);
      i = end + 3;
    } else if (s.startsWith('<!', i)) {
      fail('doctype');
    } else if (s.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (s[i] !== '>') fail('malformedEndTag');
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) fail('mismatchedEndTag');
    } else {
      i++;
      const el: MutableElement = { name: readName(), attributes: {}, children: [], text: '' };
      if (++elements > maxElements) fail('tooManyElements');
      for (;;) {
        const before = i;
        skipSpace();
        if (s.startsWith('/>', i) || s[i] === '>') break;
        if (i === before) fail('attributesNotSeparated');
        const attr = readName();
        skipSpace();
        if (s[i] !== '=') fail('attributeWithoutValue');
        i++;
        skipSpace();
        const quote = s[i];
        if (quote !== '"' && quote !== "'") fail('unquotedAttributeValue');
        const end = s.indexOf(quote as string, i + 1);
        if (end === -1) fail('unterminatedAttributeValue');
        const raw = s.slice(i + 1, end);
        if (raw.includes('<')) fail('lessThanInAttribute');
        if (Object.hasOwn(el.attributes, attr)) fail('repeatedAttribute');
        el.attributes[attr] = decode(raw.replace(/[\t\n]/g, ' '), i + 1);
        i = end + 1;
      }
      const selfClosing = s.startsWith('/>', i);
      i += selfClosing ? 2 : 1;
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) fail('secondRoot');
      else root = el;
      if (!selfClosing) {
        stack.push(el);
        if (stack.length > maxDepth) fail('nestedTooDeeply');
      }
    }
  }
  if (stack.length > 0) fail('unclosedElement', s.length);
  if (!root) fail('noRoot', 0);
  return root as XmlElement;
}

/** The first child element with this name. */
export function childElement(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
