/** What the listing tests share: a fixed "now", a RemoteEntry with defaults, and the table-driven case. */
import type { RemoteEntry } from '../../common/models';
import { parseListing } from '../../main/ftps/listing';

export const NOW = new Date('2024-06-15T12:00:00Z');

export function entry(fields: Partial<RemoteEntry> & { name: string }): RemoteEntry {
  return {
    type: 'file',
    size: 0,
    modifiedAt: null,
    permissions: null,
    owner: null,
    group: null,
    linkTarget: null,
    ...fields,
  };
}

/** One listing text and the entries it must parse into. */
export interface Case {
  readonly title: string;
  readonly list: string;
  readonly format?: 'mlsd' | 'list';
  readonly offset?: number;
  readonly now?: Date;
  readonly exp: readonly RemoteEntry[];
}

/** Parses a case's text as Wharf does, at the case's offset and "now" (NOW when it gives none). */
export function parseCase(c: Case): RemoteEntry[] {
  return parseListing(c.list, { format: c.format, timezoneOffsetMinutes: c.offset ?? 0, now: c.now ?? NOW });
}
