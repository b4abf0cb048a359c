import { Buffer } from 'node:buffer';
import type { RemoteEntry } from '../../common/models';
import { WharfError } from '../core/errors';
import { parseListTextLine, type ListingFormat } from './listing';
import { IGNORED, isBlank, type ListTimeOptions } from './listing-lines';
import { parseMlsdInternal } from './listing-mlsd';

/*
 * A listing read while it arrives, so a pane can show the first entries of a 100,000-entry folder long
 * before the last line came in. The bytes are split at LF (no charset Wharf accepts uses that byte inside a
 * character, see charset.ts), decoded and parsed a batch of whole lines at a time, with the same line
 * parsers as `parseListing`.
 */

/** Options of a ListingReader. */
export interface ListingReaderOptions extends ListTimeOptions {
  readonly format: ListingFormat;
  /** Bytes of whole lines to text (the socket's encoding, then the site's charset). */
  readonly decode: (bytes: Buffer) => string;
  /** Refuses the listing past this many lines (`.`, `..` and `total N` included). */
  readonly maxLines: number;
  /** The error thrown past `maxLines`. */
  readonly tooManyLines: () => WharfError;
  /** Refuses the listing past this many bytes (a line that never ends would otherwise grow without bound). */
  readonly maxBytes: number;
  /** The error thrown past `maxBytes`. */
  readonly tooManyBytes: () => WharfError;
  /**
   * Refuses the listing at a line longer than this many bytes, with `lineTooLong`'s error: no entry is that
   * long, and a line that never ends (or ends only when the connection closes) is a broken server's, not a
   * listing to show as an empty folder. Unbounded when absent.
   */
  readonly maxLineBytes?: number;
  readonly lineTooLong?: () => WharfError;
  /**
   * Entries ready to show, in the order read: `from` is the index of the batch's first entry in the
   * final listing, so the batches put together are a prefix of what `finish` returns.
   */
  readonly onBatch?: (from: number, entries: readonly RemoteEntry[]) => void;
}

/** The limits on a listing's lines: ListingReader applies them while it arrives, `assertListingLines` to a whole text. */
export type ListingLineLimits = Pick<ListingReaderOptions, 'maxLines' | 'tooManyLines' | 'maxLineBytes' | 'lineTooLong'>;

/**
 * ListingReader's line rule for a listing read whole (basic-ftp's text, decoded from `encoding`): every line counts
 * toward `maxLines`, the last one too when no line break ends it, and a line longer than `maxLineBytes` bytes as they
 * came (its CR included, its LF not) refuses the listing. One rule whichever way the listing is read.
 */
export function assertListingLines(text: string, limits: ListingLineLimits, encoding: BufferEncoding): void {
  const maxLine = limits.maxLineBytes ?? Number.POSITIVE_INFINITY;
  let lines = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (++lines > limits.maxLines) throw limits.tooManyLines();
    // A character is at least one byte, at most three per UTF-16 unit: the exact count only where it may be over.
    const length = end - start;
    if (length > maxLine || (length * 3 > maxLine && Buffer.byteLength(text.slice(start, end), encoding) > maxLine)) {
      throw limits.lineTooLong?.() ?? limits.tooManyLines();
    }
    start = end + 1;
  }
}

/**
 * The first batch is small so the first rows show early; later ones grow so a big folder costs fewer
 * messages, but stay small enough that the window reads each in a few milliseconds.
 */
const FIRST_BATCH = 500;
const LARGEST_BATCH = 2_000;

/**
 * Reads one listing pushed in as byte chunks of any size. `finish` returns every entry: those handed to
 * `onBatch` first, in order, then MLSD entries that could only be settled at the end (a symlink that names
 * its target through the `unique` fact only, a name holding `/`), resolved exactly as `parseMlsdLines` does.
 */
export class ListingReader {
  private readonly entries: RemoteEntry[] = [];
  private sent = 0;
  private batchSize = FIRST_BATCH;
  private partial: Buffer[] = [];
  /** Bytes in `partial`: the line not ended yet. */
  private partialBytes = 0;
  private lines = 0;
  private bytes = 0;
  /** MLSD: the first non-link entry of each `unique` fact, and the entries held back until the end. */
  private readonly targets = new Map<string, string>();
  private readonly held: { entry: RemoteEntry; unique: string | null }[] = [];
  private abandoned = false;

  constructor(private readonly options: ListingReaderOptions) {}

  /** Takes the next bytes of the listing; whole lines are parsed at once. */
  push(chunk: Buffer): void {
    if (this.abandoned) return;
    this.bytes += chunk.length;
    if (this.bytes > this.options.maxBytes) throw this.options.tooManyBytes();
    const lastBreak = chunk.lastIndexOf(0x0a);
    const maxLine = this.options.maxLineBytes ?? Number.POSITIVE_INFINITY;
    if (lastBreak < 0) {
      this.partial.push(chunk);
      this.partialBytes += chunk.length;
      if (this.partialBytes > maxLine) throw this.lineTooLong();
      return;
    }
    if (this.partialBytes + chunk.indexOf(0x0a) > maxLine) throw this.lineTooLong();
    const whole = this.partial.length > 0 ? Buffer.concat([...this.partial, chunk.subarray(0, lastBreak + 1)]) : chunk.subarray(0, lastBreak + 1);
    this.partial = lastBreak + 1 < chunk.length ? [chunk.subarray(lastBreak + 1)] : [];
    this.partialBytes = chunk.length - lastBreak - 1;
    if (this.partialBytes > maxLine) throw this.lineTooLong();
    this.readLines(this.options.decode(whole));
    if (this.entries.length - this.sent >= this.batchSize) this.flush();
  }

  /** Stops reading: whatever still arrives is dropped (the listing was superseded). */
  abandon(): void {
    this.abandoned = true;
    this.partial = [];
    this.partialBytes = 0;
  }

  private lineTooLong(): WharfError {
    this.abandon();
    return this.options.lineTooLong?.() ?? this.options.tooManyBytes();
  }

  /** The last line (if it had no line break), the held MLSD entries, and every entry of the listing. */
  finish(): RemoteEntry[] {
    if (!this.abandoned && this.partial.length > 0) this.readLines(this.options.decode(Buffer.concat(this.partial)));
    this.partial = [];
    this.partialBytes = 0;
    this.flush();
    const usedAsTarget = new Set<string>();
    const resolved: RemoteEntry[] = [];
    for (const { entry, unique } of this.held) {
      const target = entry.type === 'symlink' && unique !== null ? this.targets.get(unique) : undefined;
      if (target === undefined) resolved.push(entry);
      else {
        usedAsTarget.add(target);
        resolved.push({ ...entry, linkTarget: target });
      }
    }
    for (const entry of resolved) if (!(entry.type !== 'symlink' && entry.name.includes('/') && usedAsTarget.has(entry.name))) this.entries.push(entry);
    return this.entries;
  }

  private flush(): void {
    if (this.entries.length === this.sent) return;
    const from = this.sent;
    this.sent = this.entries.length;
    this.batchSize = Math.min(LARGEST_BATCH, this.batchSize * 2);
    this.options.onBatch?.(from, this.entries.slice(from));
  }

  private readLines(text: string): void {
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (++this.lines > this.options.maxLines) throw this.options.tooManyLines();
      const line = text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
      start = end + 1;
      if (this.options.format === 'mlsd') this.readMlsdLine(line);
      else {
        const result = parseListTextLine(line, this.options);
        if (result !== IGNORED && result !== null) this.entries.push(result);
      }
    }
  }

  private readMlsdLine(line: string): void {
    if (isBlank(line)) return;
    const result = parseMlsdInternal(line);
    if (result === IGNORED || result === null) return;
    const { entry, unique } = result;
    if (entry.type !== 'symlink' && unique !== null && !this.targets.has(unique)) this.targets.set(unique, entry.name);
    // Settled only once every line is in: a link whose target is known by `unique` alone, and a name with `/` (which may be such a target).
    if ((entry.type === 'symlink' && entry.linkTarget === null && unique !== null) || (entry.type !== 'symlink' && entry.name.includes('/'))) this.held.push(result);
    else this.entries.push(entry);
  }
}
