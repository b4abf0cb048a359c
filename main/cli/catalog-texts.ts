/**
 * The command line's catalogue: one language's texts, read from the file the build wrote for it
 * (vite.cli.config.ts puts this module in place of common/i18n/catalog-texts.ts). All three languages as
 * modules were ~580 kB of code every command ran; a command now parses the ~190 kB of the one it speaks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogTexts } from '../../common/i18n/catalog-texts';
import type { TranslatedLocale } from '../../common/i18n/locale';

export type { CatalogTexts } from '../../common/i18n/catalog-texts';

/** The build replaces this with the way from the built file that holds this code to the messages folder. */
const MESSAGES_DIR = join(__dirname, '__WHARF_CLI_MESSAGES_DIR__');

const byLocale = new Map<TranslatedLocale, CatalogTexts>();

export function catalogTexts(locale: TranslatedLocale): CatalogTexts {
  let texts = byLocale.get(locale);
  if (!texts) {
    texts = JSON.parse(readFileSync(join(MESSAGES_DIR, `${locale}.json`), 'utf8')) as CatalogTexts;
    byLocale.set(locale, texts);
  }
  return texts;
}
