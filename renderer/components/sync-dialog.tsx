/**
 * "Synchronise…": direction and deletion for the panes' folder pair, then a preview of every planned
 * action with its checkbox, counts and sizes, and Run, which sends exactly the ticked actions through the
 * transfer queue. Nothing is deleted unless deletion was chosen and the delete action is ticked.
 */
import { t } from '../../common/i18n/t';
import type { ReactNode } from 'react';
import type { SyncAction, SyncActionResult } from '../../common/models/sync';
import { useDispatcher, useStore } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { describeError } from '../state/errors';
import { formatSize } from '../state/format';
import { actionLabel, canRun, checkedSummary, deletionWarning, DIRECTION_CHOICES, runActionIds, syncWaitingOnPausedQueue, type SyncDialogState } from '../state/sync-model';
import { Icon } from './icons';
import { Modal } from './modal';

interface ActionRowProps {
  readonly action: SyncAction;
  readonly checked: boolean;
  readonly editable: boolean;
  /** After a run: the results column, with this action's result (null: not run). */
  readonly showResult: boolean;
  readonly result: SyncActionResult | null;
}

function ActionRow({ action, checked, editable, showResult, result }: ActionRowProps): ReactNode {
  const dispatcher = useDispatcher();
  const icon = action.operation === 'delete' ? 'trash' : action.target === 'remote' ? 'upload' : 'download';
  const label = actionLabel(action);
  return (
    <tr className={`sync-action ${action.operation}${checked ? '' : ' unticked'}`} data-path={action.relativePath} data-operation={action.operation}>
      <td className="c-check">
        <input type="checkbox" aria-label={t('syncView.action.checkbox', { action: label, path: action.relativePath })} checked={checked} disabled={!editable} onChange={(e) => dispatcher.sync.toggleAction(action.id, e.target.checked)} />
      </td>
      <td className="c-op">
        <span className={`op-badge ${action.operation} ${action.target}`}>
          <Icon name={icon} /> {label}
        </span>
      </td>
      <td className="c-path">
        <span className="mono">{action.relativePath}</span>
        {action.kind === 'directory' && <span className="pill">{t('syncView.folder')}</span>}
        {action.warning && (
          <span className="action-warning">
            <Icon name="warning" /> {action.warning}
          </span>
        )}
      </td>
      <td className="c-size">{action.size === null ? '' : formatSize(action.size)}</td>
      <td className="c-why">{action.reason}</td>
      {showResult && (
        <td className={`c-result ${result?.status ?? ''}`}>
          {result === null ? '' : result.status === 'done' ? t('syncView.result.done') : result.status === 'skipped' ? t('syncView.result.skipped') : t('syncView.result.failed')}
          {result?.note ? <span className="muted small"> {result.note}</span> : null}
          {result?.error ? <span className="muted small"> {result.error.message}</span> : null}
        </td>
      )}
    </tr>
  );
}

function Preview({ state }: { readonly state: SyncDialogState }): ReactNode {
  const dispatcher = useDispatcher();
  const plan = state.plan;
  if (state.phase === 'planning') {
    return (
      <div className="sync-placeholder" role="status">
        <span className="spinner" aria-hidden="true" /> {t('syncView.comparing')}
      </div>
    );
  }
  if (!plan) {
    return <p className="sync-placeholder muted">{t('syncView.previewIntro')}</p>;
  }
  const ticked = checkedSummary(plan, state.checked);
  const editable = state.phase === 'preview' && !state.stale;
  const results = state.result ? new Map(state.result.results.map((r) => [r.actionId, r])) : null;
  const allTicked = plan.actions.length > 0 && runActionIds(plan, state.checked).length === plan.actions.filter((a) => a.operation !== 'delete' || plan.deleteEnabled).length;
  return (
    <section className="sync-preview" aria-label={t('syncView.preview')}>
      {state.stale && (
        <div className="banner warning" role="status">
          <Icon name="warning" />
          <p>{t('syncView.stale')}</p>
        </div>
      )}
      <p className="sync-counts" aria-live="polite">
        <strong>{plan.actions.length === 0 ? t('syncView.nothingToDo') : t('syncView.planned', { count: plan.actions.length })}</strong>
        {plan.actions.length > 0 && (
          <>
            {t('syncView.counts', { copy: plan.summary.copy, overwrite: plan.summary.overwrite, delete: plan.summary.delete })}{' '}
            <span className="muted">{t('syncView.ticked', { total: ticked.total, up: formatSize(ticked.bytesUp), down: formatSize(ticked.bytesDown), deletions: ticked.delete })}</span>
          </>
        )}
      </p>
      {plan.notes.length > 0 && (
        <ul className="sync-notes">
          {plan.notes.map((n) => (
            <li key={n}>
              <Icon name="info" /> {n}
            </li>
          ))}
        </ul>
      )}
      {plan.actions.length > 0 && (
        <div className="sync-table-wrap">
          <table className="sync-table">
            <thead>
              <tr>
                <th className="c-check">
                  <input type="checkbox" aria-label={t('syncView.tickAll')} checked={allTicked} disabled={!editable} onChange={(e) => dispatcher.sync.toggleAllActions(e.target.checked)} />
                </th>
                <th className="c-op">{t('syncView.column.action')}</th>
                <th className="c-path">{t('syncView.column.path')}</th>
                <th className="c-size">{t('syncView.column.size')}</th>
                <th className="c-why">{t('syncView.column.why')}</th>
                {results && <th className="c-result">{t('syncView.column.result')}</th>}
              </tr>
            </thead>
            <tbody>
              {plan.actions.map((a) => (
                <ActionRow key={a.id} action={a} checked={state.checked.has(a.id)} editable={editable} showResult={results !== null} result={results?.get(a.id) ?? null} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {plan.conflicts.length > 0 && (
        <details open>
          <summary>{t('syncView.conflicts', { count: plan.conflicts.length })}</summary>
          <ul className="name-list">
            {plan.conflicts.map((c) => (
              <li key={c.relativePath}>
                <span className="mono">{c.relativePath}</span>: {c.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {plan.skipped.length > 0 && (
        <details>
          <summary>{t('syncView.skipped', { count: plan.skipped.length })}</summary>
          <ul className="name-list">
            {plan.skipped.map((x) => (
              <li key={`${x.side}:${x.path}`}>
                <span className="mono">{x.path}</span> {t('syncView.side', { side: x.side })}: {x.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** A running sync held by the paused queue: say so, and offer to resume it (as the queue's own button does). */
function PausedQueueBanner({ state }: { readonly state: SyncDialogState }): ReactNode {
  const dispatcher = useDispatcher();
  const { snapshot } = useStore(dispatcher.stores.queue);
  const waiting = syncWaitingOnPausedQueue(state, snapshot);
  if (!waiting) return null;
  return (
    <div className="banner warning sync-waiting" role="status">
      <Icon name="pause" />
      <div>
        <strong>{t('syncView.waiting')}</strong>
        <p>{t('syncView.waitingDetail', { count: waiting.transfers })}</p>
      </div>
      <button type="button" className="button primary" onClick={() => void dispatcher.queue.resumeAll()}>
        <Icon name="play" /> {t('syncView.resumeQueue')}
      </button>
    </div>
  );
}

/** The dialog. */
export function SyncDialog({ top }: { readonly dialog: Extract<Dialog, { kind: 'sync' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const { dialog: state } = useStore(dispatcher.stores.sync);
  if (!state) return null;
  const busy = state.phase === 'planning' || state.phase === 'running';
  const settingsLocked = busy || state.phase === 'done';
  const ticked = state.plan ? runActionIds(state.plan, state.checked).length : 0;
  const close = () => dispatcher.sync.close();
  return (
    <Modal
      top={top}
      className="sync-dialog"
      title={t('syncView.title')}
      onClose={close}
      initialFocus=".sync-directions input:checked"
      footer={
        <>
          {state.phase === 'running' && (
            <span className="muted small running-note">
              <span className="spinner" aria-hidden="true" /> {t('syncView.runningNote')}
            </span>
          )}
          {state.phase === 'done' && state.result && (
            <span className={`small ${state.result.summary.failed > 0 || state.result.cancelled ? 'warn-text' : 'good-text'}`} role="status">
              {t('syncView.finished', { cancelled: state.result.cancelled ? 'yes' : 'no', done: state.result.summary.done, skipped: state.result.summary.skipped, failed: state.result.summary.failed })}
            </span>
          )}
          <span className="spacer" />
          {state.phase === 'running' && (
            <button type="button" className="button danger" disabled={state.cancelling} onClick={() => void dispatcher.sync.cancel()}>
              <Icon name="close" /> {state.cancelling ? t('syncView.cancelling') : t('syncView.cancelSync')}
            </button>
          )}
          <button type="button" className="button" onClick={close}>
            {state.phase === 'done' ? t('common.close') : state.phase === 'running' ? t('syncView.hide') : t('common.cancel')}
          </button>
          {state.phase !== 'done' && (
            <button type="button" className={`button${state.plan && !state.stale ? '' : ' primary'}`} disabled={busy} onClick={() => void dispatcher.sync.preview()}>
              <Icon name="eye" /> {state.plan ? t('syncView.previewAgain') : t('syncView.preview')}
            </button>
          )}
          {state.phase !== 'done' && (
            <button type="button" className={`button ${state.plan?.deleteEnabled && ticked > 0 && state.plan.actions.some((a) => a.operation === 'delete' && state.checked.has(a.id)) ? 'danger' : 'primary'}`} disabled={!canRun(state)} onClick={() => void dispatcher.sync.run()}>
              <Icon name="sync" /> {t('syncView.run', { count: ticked })}
            </button>
          )}
        </>
      }
    >
      {state.phase === 'running' && <PausedQueueBanner state={state} />}
      <div className="sync-pair">
        <div>
          <span className="pair-label">
            <Icon name="folder" /> {t('syncView.localFolder')}
          </span>
          <span className="mono path" title={state.localRoot}>
            {state.localRoot}
          </span>
        </div>
        <div>
          <span className="pair-label">
            <Icon name="server" /> {t('syncView.serverFolder')}
          </span>
          <span className="mono path" title={state.remoteRoot}>
            {state.remoteRoot}
          </span>
        </div>
      </div>
      <fieldset className="sync-directions" disabled={settingsLocked}>
        <legend>{t('syncView.direction')}</legend>
        {DIRECTION_CHOICES.map((c) => (
          <label key={c.value} className={`direction-choice${state.direction === c.value ? ' on' : ''}`}>
            <input type="radio" name="sync-direction" value={c.value} checked={state.direction === c.value} onChange={() => dispatcher.sync.setSettings({ direction: c.value })} />
            <span>
              <strong>{c.label}</strong>
              <span className="muted small">{c.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="check delete-check">
        <input type="checkbox" checked={state.deleteEnabled} disabled={settingsLocked} onChange={(e) => dispatcher.sync.setSettings({ deleteEnabled: e.target.checked })} />
        <span>{t('syncView.deleteOption')}</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={state.sizeOnly} disabled={settingsLocked} onChange={(e) => dispatcher.sync.setSettings({ sizeOnly: e.target.checked })} />
        <span>{t('syncView.sizeOnly')}</span>
      </label>
      {state.deleteEnabled ? (
        <div className="banner danger" role="alert">
          <Icon name="warning" />
          <div>
            <strong>{t('syncView.deletionOn')}</strong>
            <p>
              {deletionWarning(state.direction)} {t('syncView.deletionListed')}
            </p>
          </div>
        </div>
      ) : (
        <p className="muted small delete-off">{t('syncView.nothingDeleted', { mirror: state.direction === 'mirror' ? 'yes' : 'no' })}</p>
      )}
      {state.error && (
        <div className="banner danger" role="alert">
          <Icon name="warning" />
          <p>
            <strong>{t('syncView.errorTitle', { title: describeError(state.error).title })}</strong> {state.error.message}
          </p>
        </div>
      )}
      <Preview state={state} />
    </Modal>
  );
}
