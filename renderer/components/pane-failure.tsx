/** A pane's failed action, in place at the top of its list: what failed, in words, with Retry. */
import { t } from '../../common/i18n/t';
import { type ReactNode } from 'react';
import { useDispatcher, useStore } from '../hooks';
import { describeError } from '../state/errors';
import type { PaneSide } from '../state/pane-model';
import { Icon } from './icons';

/** The banner; nothing when the pane's last actions worked. */
export function PaneFailureBanner({ side }: { readonly side: PaneSide }): ReactNode {
  const dispatcher = useDispatcher();
  const failure = useStore(dispatcher.stores.paneFailures.store)[side];
  if (!failure) return null;
  const view = describeError(failure.error);
  const notAllowed = failure.error.kind === 'local-io' && failure.error.detail?.['reason'] === 'not-allowed';
  return (
    <div className="pane-failure" role="alert" aria-label={side === 'local' ? t('panes.failure.localLabel') : t('panes.failure.remoteLabel')}>
      <Icon name="warning" />
      <div className="pane-failure-text">
        <strong>{t('panes.failure.title', { action: failure.action, title: view.title })}</strong>
        {view.message && <span>{view.message}</span>}
        {view.hint && <span className="muted">{view.hint}</span>}
      </div>
      {notAllowed && (
        <button type="button" className="button small" onClick={() => void dispatcher.panes.chooseLocalFolder()}>
          {t('panes.failure.chooseFolder')}
        </button>
      )}
      <button type="button" className="button small" onClick={() => void dispatcher.stores.paneFailures.retry(side)}>
        {t('common.retry')}
      </button>
      <button type="button" className="icon-button subtle" aria-label={t('panes.failure.dismiss')} onClick={() => dispatcher.stores.paneFailures.clear(side)}>
        <Icon name="close" />
      </button>
    </div>
  );
}
