/**
 * "Test connection": the connection doctor's checklist, filled step by step as `doctorStep` events
 * arrive (status, summary, time, details on demand), then what went wrong in plain words with the fixes,
 * and "Copy report". A site whose password is not at hand asks for it here, for this test only.
 */
import { t } from '../../common/i18n/t';
import { useState, type ReactNode } from 'react';
import type { DoctorDiagnosis, DoctorStep, DoctorStepStatus } from '../../common/models/doctor';
import { useDispatcher, useStore } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { cancelledText, doctorStepTitle, finishedCount, formatDuration, sortedDiagnoses, statusWord, verdictText, type DoctorRunView } from '../state/doctor-model';
import { describeError } from '../state/errors';
import { Icon, type IconName } from './icons';
import { Modal } from './modal';

const STATUS_ICON: Record<DoctorStepStatus, IconName | null> = {
  pending: null,
  running: null,
  ok: 'check',
  warning: 'warning',
  failed: 'close',
  skipped: 'minus',
};

function StatusIcon({ status }: { readonly status: DoctorStepStatus }): ReactNode {
  const icon = STATUS_ICON[status];
  return (
    <span className={`step-status ${status}`} aria-hidden="true">
      {icon ? <Icon name={icon} /> : status === 'running' ? <span className="spinner" /> : <span className="hollow" />}
    </span>
  );
}

function StepRow({ step }: { readonly step: DoctorStep }): ReactNode {
  const [open, setOpen] = useState(false);
  const hasDetails = step.details.length > 0;
  const time = formatDuration(step.durationMs);
  const title = doctorStepTitle(step.id, step.title);
  return (
    <li className={`doctor-step ${step.status}${open ? ' open' : ''}`} data-step={step.id} data-status={step.status}>
      <div className="step-line">
        <StatusIcon status={step.status} />
        <span className="visually-hidden">{t('doctorView.statusPrefix', { status: statusWord(step.status) })}</span>
        <span className="step-title">{title}</span>
        <span className="step-summary" title={step.summary}>
          {step.status === 'running' ? t('doctorView.running') : step.status === 'pending' ? '' : step.summary}
        </span>
        <span className="step-time">{time}</span>
        {hasDetails ? (
          <button type="button" className="icon-button subtle" aria-expanded={open} aria-label={t('doctorView.stepDetails', { step: title })} onClick={() => setOpen((o) => !o)}>
            <Icon name="chevron" className={`twisty${open ? ' open' : ''}`} />
          </button>
        ) : (
          <span className="step-details-spacer" />
        )}
      </div>
      {open && hasDetails && (
        <ul className="step-details">
          {step.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function DiagnosisCard({ diagnosis }: { readonly diagnosis: DoctorDiagnosis }): ReactNode {
  return (
    <li className={`diagnosis ${diagnosis.severity}`} data-problem={diagnosis.problem}>
      <Icon name={diagnosis.severity === 'info' ? 'info' : 'warning'} />
      <div>
        <strong>{diagnosis.title}</strong>
        <p>{diagnosis.explanation}</p>
        {diagnosis.fixes.length > 0 && (
          <>
            <p className="fix-heading">{diagnosis.fixes.length === 1 ? t('doctorView.fixOne') : t('doctorView.fixMany')}</p>
            <ol className="fixes">
              {diagnosis.fixes.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ol>
          </>
        )}
      </div>
    </li>
  );
}

function PasswordPrompt({ run }: { readonly run: DoctorRunView }): ReactNode {
  const dispatcher = useDispatcher();
  const [password, setPassword] = useState('');
  return (
    <form
      id="doctor-password-form"
      className="doctor-password"
      onSubmit={(e) => {
        e.preventDefault();
        dispatcher.doctor.testWithPassword(password);
      }}
    >
      <p>{run.passwordReason}</p>
      <label className="field">
        <span>{t('doctorView.password')}</span>
        <input type="password" aria-label={t('doctorView.passwordLabel')} value={password} autoFocus autoComplete="off" onChange={(e) => setPassword(e.target.value)} />
      </label>
    </form>
  );
}

function Verdict({ run }: { readonly run: DoctorRunView }): ReactNode {
  if (run.phase === 'running') {
    return (
      <div className="doctor-verdict running" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>{t('doctorView.progress', { cancelling: run.cancelling ? 'yes' : 'no', done: finishedCount(run), total: run.steps.length })}</span>
      </div>
    );
  }
  if (run.phase === 'error' && run.error) {
    const view = describeError(run.error);
    return (
      <div className="doctor-verdict failed" role="alert">
        <Icon name="warning" />
        <span>
          <strong>{t('doctorView.errorTitle', { title: view.title })}</strong> {view.message}
        </span>
      </div>
    );
  }
  const report = run.report;
  if (!report) return null;
  const cancelled = cancelledText(report);
  if (cancelled) {
    return (
      <div className="doctor-verdict cancelled" role="status">
        <Icon name="minus" />
        <span>
          <strong>{cancelled}</strong> {t('doctorView.cancelledRest')}
        </span>
      </div>
    );
  }
  return (
    <div className={`doctor-verdict ${report.verdict}`} role="status">
      <Icon name={report.verdict === 'ok' ? 'check' : 'warning'} />
      <span>
        <strong>{verdictText(report.verdict)}</strong> {t('doctorView.testedIn', { duration: formatDuration(report.durationMs) })}
      </span>
    </div>
  );
}

/** The doctor's dialog. */
export function DoctorDialog({ top }: { readonly dialog: Extract<Dialog, { kind: 'doctor' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const { run } = useStore(dispatcher.stores.doctor);
  const close = () => dispatcher.doctor.close();
  if (!run) return null;
  const report = run.report;
  const diagnoses = report ? sortedDiagnoses(report.diagnoses) : [];
  const problems = diagnoses.filter((d) => d.severity !== 'info');
  const notes = diagnoses.filter((d) => d.severity === 'info');
  return (
    <Modal
      top={top}
      className="doctor-dialog"
      title={t('doctorView.title', { label: run.label })}
      onClose={close}
      initialFocus={run.phase === 'password' ? '.doctor-password input' : '.modal-footer .close-button'}
      footer={
        <>
          <button type="button" className="button" disabled={!report} onClick={() => void dispatcher.doctor.copyReport()}>
            <Icon name="copy" /> {t('doctorView.copyReport')}
          </button>
          <span className="spacer" />
          {run.phase === 'password' ? (
            <button type="submit" form="doctor-password-form" className="button primary">
              {t('doctorView.test')}
            </button>
          ) : run.phase === 'running' ? (
            // Held by a server that never answers, a step would otherwise last until its timeout.
            <button type="button" className="button" disabled={run.cancelling} onClick={() => void dispatcher.doctor.cancel()}>
              <Icon name="close" /> {t('common.cancel')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => dispatcher.doctor.rerun()}>
              <Icon name="retry" /> {t('doctorView.runAgain')}
            </button>
          )}
          <button type="button" className="button close-button" onClick={close}>
            {t('common.close')}
          </button>
        </>
      }
    >
      {run.phase === 'password' ? <PasswordPrompt run={run} /> : <Verdict run={run} />}
      {problems.length > 0 && (
        <section aria-label={t('doctorView.diagnoses')}>
          <ul className="diagnoses">
            {problems.map((d) => (
              <DiagnosisCard key={`${d.problem}-${d.stepId}`} diagnosis={d} />
            ))}
          </ul>
        </section>
      )}
      <ol className="doctor-steps" aria-label={t('doctorView.steps')}>
        {run.steps.map((s) => (
          <StepRow key={s.id} step={s} />
        ))}
      </ol>
      {notes.length > 0 && (
        <section aria-label={t('doctorView.notes')}>
          <ul className="diagnoses notes">
            {notes.map((d) => (
              <DiagnosisCard key={`${d.problem}-${d.stepId}`} diagnosis={d} />
            ))}
          </ul>
        </section>
      )}
      {report && report.transcript.length > 0 && (
        <details className="transcript">
          <summary>{t('doctorView.transcript', { count: report.transcript.length })}</summary>
          <pre>{report.transcript.join('\n')}</pre>
        </details>
      )}
    </Modal>
  );
}
