/**
 * Every message of Wharf, gathered from one module per area (`messages/*.ts`), so helpers of different areas
 * never edit the same list. An id defined in two areas is a mistake that would silently pick one text: loading
 * the catalogue refuses it.
 */
import type { Translations } from './define';
import { appMessages } from './messages/app';
import { commonMessages } from './messages/common';
import { doctorMessages } from './messages/doctor';
import { doctorStepsMessages } from './messages/doctor-steps';
import { errorMessages } from './messages/errors';
import { panesMessages } from './messages/panes';
import { queueMessages } from './messages/queue';
import { servicesMessages } from './messages/services';
import { sitesMessages } from './messages/sites';
import { shellMessages } from './messages/shell';
import { dialogsMessages } from './messages/dialogs';
import { doctorViewMessages } from './messages/doctor-view';
import { importViewMessages } from './messages/import-view';
import { siteManagerMessages } from './messages/site-manager';
import { syncViewMessages } from './messages/sync-view';
import { transfersMessages } from './messages/transfers';
import { cliMessages } from './messages/cli';
import { noticesMessages } from './messages/notices';
import { importNotesMessages } from './messages/import-notes';
import { cliUsageMessages } from './messages/cli-usage';
import { rendererWordsMessages } from './messages/renderer-words';
import { languageFixesMessages } from './messages/language-fixes';
import { connectionTextsMessages } from './messages/connection-texts';
import { queueTextsMessages } from './messages/queue-texts';
import { certificateReasonsMessages } from './messages/certificate-reasons';
import { storeWordsMessages } from './messages/store-words';
import { cliArgsMessages } from './messages/cli-args';
import { validationMessages } from './messages/validation';
import { syncTextsMessages } from './messages/sync-texts';
import { internalErrorsMessages } from './messages/internal-errors';

/** One entry per area; add an area here when you add `messages/<area>.ts`. */
export const CATALOG_AREAS = {
  common: commonMessages,
  errors: errorMessages,
  doctor: doctorMessages,
  doctorSteps: doctorStepsMessages,
  siteManager: siteManagerMessages,
  dialogs: dialogsMessages,
  doctorView: doctorViewMessages,
  importView: importViewMessages,
  syncView: syncViewMessages,
  app: appMessages,
  panes: panesMessages,
  queue: queueMessages,
  services: servicesMessages,
  sites: sitesMessages,
  transfers: transfersMessages,
  shell: shellMessages,
  cli: cliMessages,
  notices: noticesMessages,
  importNotes: importNotesMessages,
  cliUsage: cliUsageMessages,
  rendererWords: rendererWordsMessages,
  languageFixes: languageFixesMessages,
  connectionTexts: connectionTextsMessages,
  queueTexts: queueTextsMessages,
  certificateReasons: certificateReasonsMessages,
  storeWords: storeWordsMessages,
  cliArgs: cliArgsMessages,
  validation: validationMessages,
  syncTexts: syncTextsMessages,
  internalErrors: internalErrorsMessages,
} as const;

type Areas = typeof CATALOG_AREAS;
type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
export type Catalog = UnionToIntersection<Areas[keyof Areas]>;
export type MessageId = keyof Catalog & string;

function gather(): Readonly<Record<MessageId, Translations>> {
  // One copy into a fresh object (every process start pays this, the CLI's each command); the areas are walked
  // one id at a time only to name a duplicate.
  const areas = Object.values(CATALOG_AREAS) as Record<string, Translations>[];
  const all: Record<string, Translations> = Object.assign({}, ...areas);
  if (Object.keys(all).length === areas.reduce((sum, messages) => sum + Object.keys(messages).length, 0)) return all as Record<MessageId, Translations>;
  const seen = new Set<string>();
  for (const [area, messages] of Object.entries(CATALOG_AREAS)) {
    for (const id of Object.keys(messages)) {
      if (seen.has(id)) throw new Error(`Message ${id} is defined twice (again in messages/${area}.ts).`);
      seen.add(id);
    }
  }
  return all as Record<MessageId, Translations>;
}

export const CATALOG = gather();
