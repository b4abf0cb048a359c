/*
 * `--help` texts are tables: a term (a command or an option, never translated) and its description (from the
 * catalogue, in the terminal's language). The columns are padded here, by display width, so a translation
 * carries no alignment of its own: it only breaks its lines with "\n" where it wants them wrapped.
 */
import { displayWidth, padEndToWidth } from './terminal';

/** Where descriptions start in every `--help` table (two spaces of indent, then 23 for the term). */
export const DESCRIPTION_COLUMN = 25;

/** One row: the term's lines (continuation lines carry their own indent) and the description. */
export interface HelpRow {
  readonly term: string | readonly string[];
  /** The description; "\n" starts a continuation line at the description column. */
  readonly text?: string;
  /** The description follows the term's last line after two spaces instead of at the column. */
  readonly inline?: boolean;
}

/** The rows as lines: terms at `indent`, descriptions at `column` (on the next line when the term reaches it). */
export function helpRows(rows: readonly HelpRow[], indent = 2, column = DESCRIPTION_COLUMN): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    const term = typeof row.term === 'string' ? [row.term] : row.term;
    const termLines = term.map((line, i) => (i === 0 ? ' '.repeat(indent) + line : line));
    const last = termLines.pop() ?? '';
    lines.push(...termLines);
    const text = row.text === undefined ? [] : row.text.split('\n');
    const [first, ...more] = text;
    if (first === undefined) lines.push(last);
    else if (row.inline) lines.push(`${last}  ${first}`);
    else if (displayWidth(last) < column) lines.push(padEndToWidth(last, column) + first);
    else lines.push(last, ' '.repeat(column) + first);
    for (const line of more) lines.push(' '.repeat(column) + line);
  }
  return lines;
}

/** Lines under a heading written on the first of them ("Exit codes: 0 ok, ..."); the others align with it. */
export function headed(heading: string, lines: readonly string[]): string[] {
  const indent = ' '.repeat(displayWidth(heading) + 1);
  return lines.map((line, i) => (i === 0 ? `${heading} ${line}` : indent + line));
}
