/**
 * Each doctor step's title, as the words of the doctor view: main writes them into the report and the
 * renderer shows them, from this one list (in English exactly DOCTOR_STEP_TITLES).
 */
import type { MessageId } from '../i18n/catalog';
import { t } from '../i18n/t';
import type { DoctorStepId } from './doctor';

export const DOCTOR_STEP_TITLE_MESSAGES: Readonly<Record<DoctorStepId, MessageId>> = {
  resolve: 'doctorView.step.resolve',
  proxy: 'doctorView.step.proxy',
  connect: 'doctorView.step.connect',
  greeting: 'doctorView.step.greeting',
  tls: 'doctorView.step.tls',
  certificate: 'doctorView.step.certificate',
  'client-certificate': 'doctorView.step.clientCertificate',
  login: 'doctorView.step.login',
  protection: 'doctorView.step.protection',
  epsv: 'doctorView.step.epsv',
  pasv: 'doctorView.step.pasv',
  listing: 'doctorView.step.listing',
  'session-reuse': 'doctorView.step.sessionReuse',
  active: 'doctorView.step.active',
  tls13: 'doctorView.step.tls13',
  tls12: 'doctorView.step.tls12',
};

/** A step's title in the current language; a step id this build does not know (a newer main's) keeps `fallback`. */
export function doctorStepTitle(id: string, fallback: string = id): string {
  const message = DOCTOR_STEP_TITLE_MESSAGES[id as DoctorStepId] as MessageId | undefined;
  return message ? t(message) : fallback;
}
