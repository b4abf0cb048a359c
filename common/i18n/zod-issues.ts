/**
 * Why zod refused a value, told in the user's language. zod's own messages are English ("Invalid input:
 * expected string, received number"); a schema's own sentence ("A name is required.") is English too. Each
 * issue becomes a catalogue sentence by its code, and a schema's own sentence is kept where the catalogue
 * has it (found by its English text, or given as a message id) or where it was already translated when the
 * check ran (a custom issue with `params: { translated: true }`).
 *
 * Parse with `{ reportInput: true }` to tell a missing field from one of the wrong type; the input only
 * decides which sentence is used, and never appears in one (it may be a password).
 */
import type { z } from 'zod';
import type { MessageId } from './catalog';
import { catalogTexts } from './catalog-texts';
import { t, uiLocale } from './t';

type Issue = z.core.$ZodIssue;

let byEnglishText: Map<string, MessageId> | null = null;

/** The catalogue message whose English text is `text` (texts without arguments only), or a message id itself. */
function catalogueMessage(text: string): MessageId | null {
  if (!byEnglishText) {
    byEnglishText = new Map();
    for (const [id, english] of Object.entries(catalogTexts('en')) as [MessageId, string][]) {
      if (!english.includes('{') && !byEnglishText.has(english)) byEnglishText.set(english, id);
    }
  }
  if (byEnglishText.has(text)) return byEnglishText.get(text) ?? null;
  const english = catalogTexts('en');
  return Object.hasOwn(english, text) && !english[text as MessageId]?.includes('{') ? (text as MessageId) : null;
}

/** The kind of a value, in the words of `validation.invalidType`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const number = (value: number | bigint) => Number(value);

/** The sentence for the issue's code, from the catalogue. */
function sentenceByCode(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (!('input' in issue)) return t('validation.expected', { expected: issue.expected });
      if (issue.input === undefined) return t('validation.required');
      if (issue.expected === 'int' && typeof issue.input === 'number') return t('validation.wholeNumber');
      return t('validation.invalidType', { expected: issue.expected, received: kindOf(issue.input) });
    }
    case 'too_small': {
      const minimum = number(issue.minimum);
      if (issue.origin === 'string') return minimum === 1 ? t('validation.empty') : t('validation.tooShort', { minimum });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.tooFewEntries', { minimum });
      return t(issue.inclusive === false ? 'validation.moreThan' : 'validation.atLeast', { minimum });
    }
    case 'too_big': {
      const maximum = number(issue.maximum);
      if (issue.origin === 'string') return t('validation.tooLong', { maximum });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.tooManyEntries', { maximum });
      return t(issue.inclusive === false ? 'validation.lessThan' : 'validation.atMost', { maximum });
    }
    case 'invalid_value':
      return t('validation.oneOf', { values: issue.values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ') });
    case 'unrecognized_keys':
      return t('validation.unknownFields', { count: issue.keys.length, keys: issue.keys.join(', ') });
    case 'invalid_format':
      // A pattern says nothing to a person; the schema's own sentence, where there is one, is used before this.
      return issue.format === 'regex' ? t('validation.invalid') : t('validation.badFormat', { format: issue.format });
    case 'not_multiple_of':
      return t('validation.multipleOf', { divisor: number(issue.divisor) });
    default:
      return t('validation.invalid');
  }
}

/** One issue as a sentence in the current language, without the field it is about. */
export function issueProblem(issue: Issue): string {
  const own = catalogueMessage(issue.message);
  if (own) return t(own);
  // zod's own sentence for a check given none.
  if (issue.code === 'custom' && issue.message !== 'Invalid input') {
    if (issue.params?.translated === true) return issue.message;
    // Our own English sentence, for an English reader; a generic one in the other languages.
    if (uiLocale() === 'en') return issue.message;
  }
  return sentenceByCode(issue);
}

/** Every issue with its field (`port: At most 65535.`), in the current language; the field path as the data names it. */
export function describeIssues(issues: readonly Issue[]): string {
  return issues.map((issue) => (issue.path.length ? t('validation.fieldProblem', { field: issue.path.map(String).join('.'), problem: issueProblem(issue) }) : issueProblem(issue))).join(' ');
}
