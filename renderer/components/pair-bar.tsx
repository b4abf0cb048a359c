/**
 * The bar above the panes while they work as a pair: the compare legend with its counts (and how the
 * files were compared), synchronised browsing and its note when the other side has no such folder.
 */
import type { ReactNode } from 'react';
import { t, translator } from '../../common/i18n/t';
import { useDispatcher, useStore } from '../hooks';
import { compareCounts, markWords, resultApplies } from '../state/compare-model';
import { Icon } from './icons';

/** The bar; nothing while neither compare nor synchronised browsing is on. */
export function PairBar(): ReactNode {
  const dispatcher = useDispatcher();
  const pair = useStore(dispatcher.stores.pair);
  const local = useStore(dispatcher.stores.local);
  const remote = useStore(dispatcher.stores.remote);
  if (!pair.compare && !pair.syncBrowsing) return null;
  const current = resultApplies(pair.result, local.path, remote.path, local.separator) ? pair.result : null;
  const counts = current ? compareCounts(current) : null;
  const how = current
    ? current.settings.hashAlgorithm
      ? t('shell.pair.byHash', { algorithm: current.settings.hashAlgorithm })
      : current.settings.offsetApplies && current.settings.timezoneOffsetMinutes !== 0
        ? t('shell.pair.byTimeOffset', { offset: translator().number(current.settings.timezoneOffsetMinutes, { signDisplay: 'exceptZero' }) })
        : t('shell.pair.byTime')
    : '';
  return (
    <div className="pair-bar" role="region" aria-label={t('shell.pair.label')}>
      {pair.compare && (
        <div className="pair-group compare-group" aria-live="polite">
          <span className="pair-title">
            <Icon name="compare" /> {t('shell.pair.compare')}
          </span>
          {pair.comparing && !counts ? (
            <span className="muted">
              <span className="spinner" aria-hidden="true" /> {t('shell.pair.comparing')}
            </span>
          ) : pair.compareError && !counts ? (
            <span className="bad-text">{t('shell.pair.compareFailed', { reason: pair.compareError.message })}</span>
          ) : counts ? (
            <>
              <span className="legend" aria-label={t('shell.pair.legend')}>
                <span className="legend-item">
                  <span className="swatch only-local" aria-hidden="true" /> {markWords('only-local')} <span className="count">{counts.onlyLocal}</span>
                </span>
                <span className="legend-item">
                  <span className="swatch only-remote" aria-hidden="true" /> {markWords('only-remote')} <span className="count">{counts.onlyRemote}</span>
                </span>
                <span className="legend-item">
                  <span className="swatch different" aria-hidden="true" /> {markWords('different')} <span className="count">{counts.different}</span>
                </span>
                <span className="legend-item">
                  <span className="newer-mark" aria-hidden="true">{t('shell.pair.newer')}</span> {t('shell.pair.newerCopy')}
                </span>
                <span className="legend-item muted">
                  {counts.folders > 0 ? t('shell.pair.identicalFolders', { same: counts.same, folders: counts.folders }) : t('shell.pair.identical', { same: counts.same })}
                </span>
              </span>
              <span className="muted small">{how}</span>
            </>
          ) : (
            <span className="muted">{t('shell.pair.openBoth')}</span>
          )}
          {pair.comparing && counts && <span className="spinner" aria-label={t('shell.pair.comparingLabel')} />}
          <button type="button" className="icon-button subtle" aria-label={t('shell.pair.compareAgain')} title={t('shell.pair.compareAgain')} disabled={pair.comparing} onClick={() => void dispatcher.folderPair.runCompare()}>
            <Icon name="refresh" />
          </button>
        </div>
      )}
      {pair.syncBrowsing && (
        <div className="pair-group sync-group">
          <span className="pair-title">
            <Icon name="link-panes" /> {t('shell.tool.syncBrowsing')}
          </span>
          {pair.note ? (
            <span className="pair-note" role="status">
              <Icon name="info" /> {pair.note}
              <button type="button" className="icon-button subtle" aria-label={t('shell.pair.dismissNote')} onClick={() => dispatcher.folderPair.dismissNote()}>
                <Icon name="close" />
              </button>
            </span>
          ) : (
            <span className="muted small">{t('shell.pair.syncExplain')}</span>
          )}
        </div>
      )}
    </div>
  );
}
