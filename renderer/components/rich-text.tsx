/**
 * A sentence from the catalogue with some of its arguments drawn strong (a user, a server, a protocol): the
 * sentence stays one message, so each language places them where its grammar puts them.
 */
import { Fragment, type ReactNode } from 'react';
import type { MessageId } from '../../common/i18n/catalog';
import { t } from '../../common/i18n/t';
import type { MessageValues } from '../../common/i18n/translator';

const OPEN = '\u0001';
const CLOSE = '\u0002';

/** The message, with the values named in `strong` as `<strong>` (with `strongClassName`, if given). */
export function RichText({
  id,
  values,
  strong,
  strongClassName,
}: {
  readonly id: MessageId;
  readonly values: MessageValues;
  readonly strong: readonly string[];
  readonly strongClassName?: string;
}): ReactNode {
  const marked = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, strong.includes(name) ? `${OPEN}${String(value ?? '')}${CLOSE}` : value]));
  return t(id, marked)
    .split(OPEN)
    .map((part, i) => {
      if (i === 0) return part;
      const [bold = '', rest = ''] = part.split(CLOSE);
      return (
        <Fragment key={i}>
          <strong className={strongClassName}>{bold}</strong>
          {rest}
        </Fragment>
      );
    });
}
