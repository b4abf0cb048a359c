/**
 * The texts of one language, by message id: what the translator reads. Here they come from the catalogue
 * modules, all three languages side by side (the app and the renderer bundle them). The command line's build
 * puts `main/cli/catalog-texts.ts` in this module's place, which reads one language's file written at build
 * time, so a command loads the language it speaks and not the other two.
 */
import { CATALOG, type MessageId } from './catalog';
import type { TranslatedLocale } from './locale';

export type CatalogTexts = Readonly<Partial<Record<MessageId, string>>>;

const byLocale = new Map<TranslatedLocale, CatalogTexts>();

/** The catalogue's texts in `locale`, gathered on first use (read them with `Object.hasOwn`: they are a plain object). */
export function catalogTexts(locale: TranslatedLocale): CatalogTexts {
  let texts = byLocale.get(locale);
  if (!texts) {
    texts = Object.fromEntries(Object.entries(CATALOG).map(([id, translations]) => [id, translations[locale]]));
    byLocale.set(locale, texts);
  }
  return texts;
}

