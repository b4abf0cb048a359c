/**
 * The bar above the panes while they work as a pair: the compare legend with its counts (and how the
 * files were compared), synchronised browsing and its note when the other side has no such folder.
 */
import type { ReactNode } from 'react';
import { useDispatcher, useStore } from '../hooks';
import { compareCounts, MARK_WORDS, resultApplies } from '../state/compare-model';
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
      ? `by size and ${current.settings.hashAlgorithm} hash`
      : current.settings.offsetApplies && current.settings.timezoneOffsetMinutes !== 0
        ? `by size and time (server clock ${current.settings.timezoneOffsetMinutes > 0 ? '+' : ''}${current.settings.timezoneOffsetMinutes} min)`
        : 'by size and time'
    : '';
  return (
    <div className="pair-bar" role="region" aria-label="Folder pair">
      {pair.compare && (
        <div className="pair-group compare-group" aria-live="polite">
          <span className="pair-title">
            <Icon name="compare" /> Compare
          </span>
          {pair.comparing && !counts ? (
            <span className="muted">
              <span className="spinner" aria-hidden="true" /> Comparing…
            </span>
          ) : pair.compareError && !counts ? (
            <span className="bad-text">Could not compare: {pair.compareError.message}</span>
          ) : counts ? (
            <>
              <span className="legend" aria-label="Legend">
                <span className="legend-item">
                  <span className="swatch only-local" aria-hidden="true" /> {MARK_WORDS['only-local']} <span className="count">{counts.onlyLocal}</span>
                </span>
                <span className="legend-item">
                  <span className="swatch only-remote" aria-hidden="true" /> {MARK_WORDS['only-remote']} <span className="count">{counts.onlyRemote}</span>
                </span>
                <span className="legend-item">
                  <span className="swatch different" aria-hidden="true" /> {MARK_WORDS.different} <span className="count">{counts.different}</span>
                </span>
                <span className="legend-item">
                  <span className="newer-mark" aria-hidden="true">newer</span> the newer copy
                </span>
                <span className="legend-item muted">
                  {counts.same} identical{counts.folders > 0 ? `, ${counts.folders} folder${counts.folders === 1 ? '' : 's'} on both sides` : ''}
                </span>
              </span>
              <span className="muted small">Compared {how}.</span>
            </>
          ) : (
            <span className="muted">Open a folder in each pane to compare them.</span>
          )}
          {pair.comparing && counts && <span className="spinner" aria-label="Comparing" />}
          <button type="button" className="icon-button subtle" aria-label="Compare again" title="Compare again" disabled={pair.comparing} onClick={() => void dispatcher.folderPair.runCompare()}>
            <Icon name="refresh" />
          </button>
        </div>
      )}
      {pair.syncBrowsing && (
        <div className="pair-group sync-group">
          <span className="pair-title">
            <Icon name="link-panes" /> Synchronised browsing
          </span>
          {pair.note ? (
            <span className="pair-note" role="status">
              <Icon name="info" /> {pair.note}
              <button type="button" className="icon-button subtle" aria-label="Dismiss note" onClick={() => dispatcher.folderPair.dismissNote()}>
                <Icon name="close" />
              </button>
            </span>
          ) : (
            <span className="muted small">Opening a folder on one side opens the same folder on the other.</span>
          )}
        </div>
      )}
    </div>
  );
}
