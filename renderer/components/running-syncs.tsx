/**
 * The syncs main runs, one line each above the queue, while their dialog is closed: hidden with "Hide",
 * replaced by another sync's dialog, or lost with a reload. A long sync is never invisible or
 * uncancellable (FileZilla and WinSCP keep such an operation in view the same way).
 */
import type { ReactNode } from 'react';
import { t } from '../../common/i18n/t';
import { useDispatcher, useStore } from '../hooks';
import { runningSyncText } from '../state/sync-model';
import { Icon } from './icons';

/** The lines; nothing when no sync runs. */
export function RunningSyncs(): ReactNode {
  const dispatcher = useDispatcher();
  const { syncs } = useStore(dispatcher.stores.runningSyncs);
  const dialogs = useStore(dispatcher.stores.dialogs);
  const { dialog } = useStore(dispatcher.stores.sync);
  // The open dialog already shows its own sync, with the same Cancel sync.
  const dialogOpen = dialogs.stack.some((d) => d.kind === 'sync');
  const shown = syncs.filter((s) => !(dialogOpen && dialog?.plan?.planId === s.planId));
  if (shown.length === 0) return null;
  return (
    <section className="running-syncs" aria-label={t('queue.runningSyncs.label')}>
      {shown.map((sync) => (
        <div key={sync.planId} className="running-sync" role="status" data-plan-id={sync.planId}>
          <span className="spinner" aria-hidden="true" />
          <span className="running-sync-text" title={runningSyncText(sync)}>
            {runningSyncText(sync)}
          </span>
          <button type="button" className="button small" onClick={() => dispatcher.sync.showRunning(sync.planId)}>
            <Icon name="eye" /> {t('queue.runningSyncs.show')}
          </button>
          <button type="button" className="button small danger" disabled={sync.cancelled} onClick={() => void dispatcher.sync.cancelRunning(sync.planId)}>
            <Icon name="close" /> {sync.cancelled ? t('queue.runningSyncs.cancelling') : t('queue.runningSyncs.cancel')}
          </button>
        </div>
      ))}
    </section>
  );
}
