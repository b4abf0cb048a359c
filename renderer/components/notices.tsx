/**
 * The notification area: information and successes fade after a few seconds; errors and warnings stay
 * until dismissed, but never over a dialog: while one is open they wait out of sight and come back when
 * it closes. A notice raised while a dialog is open (an import's result) shows at the top, clear of it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { t } from '../../common/i18n/t';
import { useDispatcher, useStore } from '../hooks';
import type { Notice } from '../state/ui-model';
import { Icon } from './icons';

/** How long information stays on screen, in milliseconds: long enough to read two lines. */
export const NOTICE_FADE_MS = 6000;

function NoticeCard({ notice }: { readonly notice: Notice }): ReactNode {
  const dispatcher = useDispatcher();
  const fades = notice.level === 'info' || notice.level === 'success';
  useEffect(() => {
    if (!fades) return;
    const timer = setTimeout(() => dispatcher.notices.dismiss(notice.id), NOTICE_FADE_MS);
    return () => clearTimeout(timer);
  }, [fades, notice.id, dispatcher]);
  return (
    <div className={`notice ${notice.level}`} role={notice.level === 'error' ? 'alert' : 'status'}>
      <Icon name={notice.level === 'success' ? 'check' : notice.level === 'info' ? 'eye' : 'warning'} />
      <div className="notice-text">
        <strong>{notice.title}</strong>
        <p>{notice.message}</p>
        {notice.hint && <p className="muted">{notice.hint}</p>}
        {notice.chooseFolder && (
          <button type="button" className="button small" onClick={() => void dispatcher.panes.chooseLocalFolder()}>
            {t('panes.failure.chooseFolder')}
          </button>
        )}
        {notice.proxySettings && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              dispatcher.notices.dismiss(notice.id);
              dispatcher.dialogs.open({ kind: 'proxy-settings', id: 'proxy-settings' });
            }}
          >
            {t('notices.openProxySettings')}
          </button>
        )}
      </div>
      <button type="button" className="icon-button subtle" aria-label={t('panes.notice.dismiss')} onClick={() => dispatcher.notices.dismiss(notice.id)}>
        <Icon name="close" />
      </button>
    </div>
  );
}

/** The notices of the window. */
export function Notices(): ReactNode {
  const dispatcher = useDispatcher();
  const ui = useStore(dispatcher.stores.ui);
  const dialogs = useStore(dispatcher.stores.dialogs);
  const dialogOpen = dialogs.stack.length > 0;
  // The newest notice id when the first dialog opened: older errors wait until the dialogs are closed.
  const [openedAfter, setOpenedAfter] = useState<number | null>(null);
  const newest = ui.notices.at(-1)?.id ?? 0;
  if (dialogOpen && openedAfter === null) setOpenedAfter(newest);
  if (!dialogOpen && openedAfter !== null) setOpenedAfter(null);
  const shown = dialogOpen ? ui.notices.filter((n) => n.id > (openedAfter ?? newest)) : ui.notices;
  return (
    <div className={`notices${dialogOpen ? ' over-dialog' : ''}`} aria-live="polite">
      {shown.map((n) => (
        <NoticeCard key={n.id} notice={n} />
      ))}
    </div>
  );
}
