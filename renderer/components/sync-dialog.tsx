/**
 * "Synchronise…": direction and deletion for the panes' folder pair, then a preview of every planned
 * action with its checkbox, counts and sizes, and Run, which sends exactly the ticked actions through the
 * transfer queue. Nothing is deleted unless deletion was chosen and the delete action is ticked.
 */
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
        <input type="checkbox" aria-label={`${label} ${action.relativePath}`} checked={checked} disabled={!editable} onChange={(e) => dispatcher.sync.toggleAction(action.id, e.target.checked)} />
      </td>
      <td className="c-op">
        <span className={`op-badge ${action.operation} ${action.target}`}>
          <Icon name={icon} /> {label}
        </span>
      </td>
      <td className="c-path">
        <span className="mono">{action.relativePath}</span>
        {action.kind === 'directory' && <span className="pill">folder</span>}
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
          {result === null ? '' : result.status === 'done' ? 'Done' : result.status === 'skipped' ? 'Skipped' : 'Failed'}
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
        <span className="spinner" aria-hidden="true" /> Comparing the folders…
      </div>
    );
  }
  if (!plan) {
    return <p className="sync-placeholder muted">The preview lists every action (copy, overwrite, delete) before anything changes. Untick what should not happen.</p>;
  }
  const ticked = checkedSummary(plan, state.checked);
  const editable = state.phase === 'preview' && !state.stale;
  const results = state.result ? new Map(state.result.results.map((r) => [r.actionId, r])) : null;
  const allTicked = plan.actions.length > 0 && runActionIds(plan, state.checked).length === plan.actions.filter((a) => a.operation !== 'delete' || plan.deleteEnabled).length;
  return (
    <section className="sync-preview" aria-label="Preview">
      {state.stale && (
        <div className="banner warning" role="status">
          <Icon name="warning" />
          <p>The settings changed since this preview: preview again before running.</p>
        </div>
      )}
      <p className="sync-counts" aria-live="polite">
        <strong>{plan.actions.length === 0 ? 'Nothing to do: the folders already match.' : `${plan.actions.length} planned: `}</strong>
        {plan.actions.length > 0 && (
          <>
            {plan.summary.copy} to copy, {plan.summary.overwrite} to overwrite, {plan.summary.delete} to delete.{' '}
            <span className="muted">
              Ticked: {ticked.total} ({formatSize(ticked.bytesUp)} up, {formatSize(ticked.bytesDown)} down{ticked.delete > 0 ? `, ${ticked.delete} deletion${ticked.delete === 1 ? '' : 's'}` : ''}).
            </span>
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
                  <input type="checkbox" aria-label="Tick every action" checked={allTicked} disabled={!editable} onChange={(e) => dispatcher.sync.toggleAllActions(e.target.checked)} />
                </th>
                <th className="c-op">Action</th>
                <th className="c-path">Path</th>
                <th className="c-size">Size</th>
                <th className="c-why">Why</th>
                {results && <th className="c-result">Result</th>}
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
          <summary>{plan.conflicts.length} left alone (cannot tell which side wins)</summary>
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
          <summary>{plan.skipped.length} skipped</summary>
          <ul className="name-list">
            {plan.skipped.map((x) => (
              <li key={`${x.side}:${x.path}`}>
                <span className="mono">{x.path}</span> ({x.side === 'local' ? 'local' : 'server'}): {x.reason}
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
        <strong>Waiting: the transfer queue is paused.</strong>
        <p>
          {waiting.transfers} transfer{waiting.transfers === 1 ? '' : 's'} of this sync {waiting.transfers === 1 ? 'waits' : 'wait'} in the queue. Nothing is copied or
          deleted until the queue resumes.
        </p>
      </div>
      <button type="button" className="button primary" onClick={() => void dispatcher.queue.resumeAll()}>
        <Icon name="play" /> Resume queue
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
      title="Synchronise folders"
      onClose={close}
      initialFocus=".sync-directions input:checked"
      footer={
        <>
          {state.phase === 'running' && (
            <span className="muted small running-note">
              <span className="spinner" aria-hidden="true" /> Running: follow the transfers in the queue.
            </span>
          )}
          {state.phase === 'done' && state.result && (
            <span className={`small ${state.result.summary.failed > 0 || state.result.cancelled ? 'warn-text' : 'good-text'}`} role="status">
              {state.result.cancelled ? 'Cancelled' : 'Finished'}: {state.result.summary.done} done, {state.result.summary.skipped} skipped, {state.result.summary.failed} failed.
            </span>
          )}
          <span className="spacer" />
          {state.phase === 'running' && (
            <button type="button" className="button danger" disabled={state.cancelling} onClick={() => void dispatcher.sync.cancel()}>
              <Icon name="close" /> {state.cancelling ? 'Cancelling…' : 'Cancel sync'}
            </button>
          )}
          <button type="button" className="button" onClick={close}>
            {state.phase === 'done' ? 'Close' : state.phase === 'running' ? 'Hide' : 'Cancel'}
          </button>
          {state.phase !== 'done' && (
            <button type="button" className={`button${state.plan && !state.stale ? '' : ' primary'}`} disabled={busy} onClick={() => void dispatcher.sync.preview()}>
              <Icon name="eye" /> {state.plan ? 'Preview again' : 'Preview'}
            </button>
          )}
          {state.phase !== 'done' && (
            <button type="button" className={`button ${state.plan?.deleteEnabled && ticked > 0 && state.plan.actions.some((a) => a.operation === 'delete' && state.checked.has(a.id)) ? 'danger' : 'primary'}`} disabled={!canRun(state)} onClick={() => void dispatcher.sync.run()}>
              <Icon name="sync" /> Run {ticked > 0 ? `${ticked} action${ticked === 1 ? '' : 's'}` : ''}
            </button>
          )}
        </>
      }
    >
      {state.phase === 'running' && <PausedQueueBanner state={state} />}
      <div className="sync-pair">
        <div>
          <span className="pair-label">
            <Icon name="folder" /> Local folder
          </span>
          <span className="mono path" title={state.localRoot}>
            {state.localRoot}
          </span>
        </div>
        <div>
          <span className="pair-label">
            <Icon name="server" /> Server folder
          </span>
          <span className="mono path" title={state.remoteRoot}>
            {state.remoteRoot}
          </span>
        </div>
      </div>
      <fieldset className="sync-directions" disabled={settingsLocked}>
        <legend>Direction</legend>
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
        <span>Delete files that are not on the source</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={state.sizeOnly} disabled={settingsLocked} onChange={(e) => dispatcher.sync.setSettings({ sizeOnly: e.target.checked })} />
        <span>Compare file sizes only (for servers that cannot keep modification times)</span>
      </label>
      {state.deleteEnabled ? (
        <div className="banner danger" role="alert">
          <Icon name="warning" />
          <div>
            <strong>Deletion is on.</strong>
            <p>{deletionWarning(state.direction)} Each deletion is listed in the preview; untick any you want to keep.</p>
          </div>
        </div>
      ) : (
        <p className="muted small delete-off">Nothing is deleted: files on one side only are {state.direction === 'mirror' ? 'copied to the other side' : 'kept'}.</p>
      )}
      {state.error && (
        <div className="banner danger" role="alert">
          <Icon name="warning" />
          <p>
            <strong>{describeError(state.error).title}:</strong> {state.error.message}
          </p>
        </div>
      )}
      <Preview state={state} />
    </Modal>
  );
}
