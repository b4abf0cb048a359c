/** The bottom tabs: the transfer queue (Queued / Failed / Completed) and the message log. */
import { useMemo, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { MessageId } from '../../common/i18n/catalog';
import { t, translator } from '../../common/i18n/t';
import { visibleName } from '../../common/models/visible-name';
import { OVERWRITE_POLICIES, type OverwritePolicy, type TransferItem } from '../../common/models/transfer';
import { useDispatcher, useStore } from '../hooks';
import { formatClock, formatEta, formatSize, formatSpeed, percent } from '../state/format';
import { directionTag } from '../state/log-model';
import { availableActions, baseName, itemsOfTab, statusText, tabCounts, verificationText } from '../state/queue-model';
import { Icon } from './icons';
import { followSidewaysScroll, VirtualList } from './virtual-list';
import { BottomLayoutToggle, useBottomLayout } from './bottom-layout';
import { LanguagePicker } from './language-picker';

const QUEUE_ROW = 28;
const LOG_ROW = 20;

const POLICY_LABEL: Record<OverwritePolicy, MessageId> = {
  ask: 'queue.policy.ask',
  overwrite: 'queue.policy.overwrite',
  'overwrite-if-newer': 'queue.policy.overwriteIfNewer',
  'overwrite-if-size-differs': 'queue.policy.overwriteIfSizeDiffers',
  resume: 'queue.policy.resume',
  rename: 'queue.policy.rename',
  skip: 'queue.policy.skip',
};

const QUEUE_COLUMNS = ['name', 'target', 'size', 'progress', 'speed', 'eta', 'status', 'verification'] as const;

function QueueView(): ReactNode {
  const dispatcher = useDispatcher();
  const queue = useStore(dispatcher.stores.queue);
  const dialogs = useStore(dispatcher.stores.dialogs);
  const asked = new Set(dialogs.stack.flatMap((d) => (d.kind === 'overwrite' ? [d.question.itemId] : [])));
  const ui = useStore(dispatcher.stores.ui);
  const anchor = useRef<string | null>(null);
  const items = useMemo(() => itemsOfTab(queue.snapshot, queue.tab), [queue.snapshot, queue.tab]);
  const counts = useMemo(() => tabCounts(queue.snapshot), [queue.snapshot]);
  const selectedItems = items.filter((i) => queue.selected.has(i.id));
  const ids = selectedItems.map((i) => i.id);
  const can = availableActions(selectedItems);
  const progress = queue.snapshot?.progress;

  const onRowClick = (e: MouseEvent, item: TransferItem) => {
    if (e.shiftKey && anchor.current) {
      const a = items.findIndex((i) => i.id === anchor.current);
      const b = items.findIndex((i) => i.id === item.id);
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      dispatcher.queue.select(new Set(items.slice(lo, hi + 1).map((i) => i.id)));
      return;
    }
    anchor.current = item.id;
    if (e.ctrlKey || e.metaKey) {
      const next = new Set(queue.selected);
      if (next.has(item.id)) next.delete(item.id);
      else next.add(item.id);
      dispatcher.queue.select(next);
    } else {
      dispatcher.queue.select(new Set([item.id]));
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      dispatcher.queue.select(new Set(items.map((i) => i.id)));
    } else if (e.key === 'Delete') {
      e.preventDefault();
      void dispatcher.queue.command('remove', ids);
    }
  };

  const renderRow = (index: number, top: number) => {
    const item = items[index]!;
    const status = statusText(item, asked.has(item.id));
    const pct = item.kind === 'directory' ? (item.state === 'done' ? 100 : 0) : percent(item.bytesDone, item.bytesTotal || item.size || 0);
    const source = item.direction === 'upload' ? item.localPath : item.remotePath;
    const target = item.direction === 'upload' ? item.remotePath : item.localPath;
    return (
      <div
        key={item.id}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={queue.selected.has(item.id)}
        className={`row qrow ${item.state}${queue.selected.has(item.id) ? ' selected' : ''}${index % 2 ? ' odd' : ' even'}`}
        style={{ top }}
        onClick={(e) => onRowClick(e, item)}
        data-state={item.state}
      >
        <div role="gridcell" className="cell q-name" title={t('queue.item.title', { source, target })}>
          <Icon name={item.direction === 'upload' ? 'upload' : 'download'} className={`dir ${item.direction}`} />
          <span className="name-text">{visibleName(baseName(source))}</span>
        </div>
        <div role="gridcell" className="cell q-target" title={target}>
          <bdi dir="ltr">{target}</bdi>
        </div>
        <div role="gridcell" className="cell q-size">{item.kind === 'directory' ? t('queue.item.folder') : formatSize(item.bytesTotal || item.size)}</div>
        <div role="gridcell" className="cell q-progress">
          <div className="progress" role="progressbar" aria-label={t('queue.item.progress', { name: visibleName(baseName(source)) })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
            <div className="bar" style={{ width: `${pct}%` }} />
            <span className="pct">{pct}%</span>
          </div>
        </div>
        <div role="gridcell" className="cell q-speed">{item.state === 'running' ? formatSpeed(item.speed) : ''}</div>
        <div role="gridcell" className="cell q-eta">{item.state === 'running' ? formatEta(item.etaSeconds) : ''}</div>
        <div role="gridcell" className={`cell q-status ${item.state}`} title={status}>{status}</div>
        <div role="gridcell" className="cell q-verify">
          {verificationText(item) && (
            <>
              <Icon name="check" className="ok" /> {verificationText(item)}
            </>
          )}
        </div>
      </div>
    );
  };

  return (
    <div className="queue-view">
      <div className="subbar">
        <div role="tablist" aria-label={t('queue.tabs')} className="segmented">
          {(['queued', 'failed', 'completed'] as const).map((tab) => (
            <button key={tab} type="button" role="tab" aria-selected={queue.tab === tab} className={queue.tab === tab ? 'on' : ''} onClick={() => dispatcher.queue.showTab(tab)}>
              {t('queue.tab', { tab })} <span className="count">{counts[tab]}</span>
            </button>
          ))}
        </div>
        <div className="actions" role="toolbar" aria-label={t('queue.actions')}>
          <button type="button" className="icon-button" aria-label={t('queue.pauseSelected')} title={t('queue.pause')} disabled={!can.pause} onClick={() => void dispatcher.queue.command('pause', ids)}>
            <Icon name="pause" />
          </button>
          <button type="button" className="icon-button" aria-label={t('queue.resumeSelected')} title={t('queue.resume')} disabled={!can.resume} onClick={() => void dispatcher.queue.command('resume', ids)}>
            <Icon name="play" />
          </button>
          <button type="button" className="icon-button" aria-label={t('queue.cancelSelected')} title={t('common.cancel')} disabled={!can.cancel} onClick={() => void dispatcher.queue.command('cancel', ids)}>
            <Icon name="close" />
          </button>
          <button type="button" className="icon-button" aria-label={t('queue.retrySelected')} title={t('common.retry')} disabled={!can.retry} onClick={() => void dispatcher.queue.command('retry', ids)}>
            <Icon name="retry" />
          </button>
          <span className="sep" />
          <button type="button" className="icon-button" aria-label={t('queue.moveTop')} title={t('queue.moveTop')} disabled={!can.move} onClick={() => void dispatcher.queue.move(ids, 'top')}>
            <Icon name="top" />
          </button>
          <button type="button" className="icon-button" aria-label={t('queue.moveUp')} title={t('queue.moveUp')} disabled={!can.move} onClick={() => void dispatcher.queue.move(ids, 'up')}>
            <Icon name="arrow-up" />
          </button>
          <button type="button" className="icon-button" aria-label={t('queue.moveDown')} title={t('queue.moveDown')} disabled={!can.move} onClick={() => void dispatcher.queue.move(ids, 'down')}>
            <Icon name="arrow-down" />
          </button>
          <button type="button" className="icon-button" aria-label={t('queue.moveBottom')} title={t('queue.moveBottom')} disabled={!can.move} onClick={() => void dispatcher.queue.move(ids, 'bottom')}>
            <Icon name="bottom" />
          </button>
          <span className="sep" />
          <button type="button" className="icon-button" aria-label={t('queue.removeSelected')} title={t('queue.removeTitle')} disabled={!can.remove} onClick={() => void dispatcher.queue.command('remove', ids)}>
            <Icon name="trash" />
          </button>
          <button type="button" className="text-button" onClick={() => void dispatcher.queue.clearTab(queue.tab)} disabled={counts[queue.tab] === 0}>
            {t('queue.clearTab', { tab: queue.tab })}
          </button>
        </div>
        <span className="spacer" />
        <label className="inline-field">
          <span>{t('queue.ifTargetExists')}</span>
          <select aria-label={t('queue.ifTargetExists')} value={ui.queueSettings?.overwritePolicy ?? 'ask'} onChange={(e) => void dispatcher.queue.setOverwritePolicy(e.target.value as OverwritePolicy)}>
            {OVERWRITE_POLICIES.map((p) => (
              <option key={p} value={p}>
                {t(POLICY_LABEL[p])}
              </option>
            ))}
          </select>
        </label>
        {progress && progress.total > 0 && (
          <span className="queue-total" aria-live="polite">
            {progress.running > 0
              ? progress.speed > 0
                ? t('queue.total.runningWithSpeed', { count: progress.running, speed: formatSpeed(progress.speed) })
                : t('queue.total.running', { count: progress.running })
              : queue.snapshot?.paused
                ? t('queue.total.paused')
                : t('queue.total.idle')}
            {progress.etaSeconds !== null && progress.running > 0 ? t('queue.total.eta', { eta: formatEta(progress.etaSeconds) }) : ''}
          </span>
        )}
      </div>
      <div className="grid queue" role="grid" aria-label={t('queue.grid')} aria-rowcount={items.length + 1} aria-multiselectable tabIndex={0} onKeyDown={onKeyDown} onScrollCapture={followSidewaysScroll}>
        <div role="rowgroup" className="grid-head">
          <div role="row" aria-rowindex={1} className="row head">
            {QUEUE_COLUMNS.map((column) => (
              <div key={column} role="columnheader" className="cell">
                <span className="head-label">{t('queue.column', { column })}</span>
              </div>
            ))}
          </div>
        </div>
        <VirtualList count={items.length} rowHeight={QUEUE_ROW} renderRow={renderRow} role={items.length > 0 ? 'rowgroup' : undefined} className="grid-body">
          {items.length === 0 && <div className="empty">{t('queue.emptyTab', { tab: queue.tab })}</div>}
        </VirtualList>
      </div>
    </div>
  );
}

function LogView(): ReactNode {
  const dispatcher = useDispatcher();
  const log = useStore(dispatcher.stores.log);
  const lines = log.lines;
  const renderRow = (index: number, top: number) => {
    const line = lines[index]!;
    return (
      <div key={index} className={`log-line ${line.direction}`} style={{ top }} role="listitem">
        <span className="log-time">{formatClock(line.time)}</span>
        <span className="log-tag">{directionTag(line.direction)}</span>
        <span className="log-text" title={visibleName(line.text)}>
          {visibleName(line.text)}
        </span>
      </div>
    );
  };
  return (
    <div className="log-view">
      <div className="subbar">
        <span className="muted">{t('queue.log.lines', { count: translator().number(lines.length) })}</span>
        <span className="spacer" />
        <button type="button" className="text-button" onClick={() => void dispatcher.log.copy()}>
          <Icon name="copy" /> {t('queue.log.copy')}
        </button>
        <button type="button" className="text-button" onClick={() => void dispatcher.log.save()}>
          <Icon name="save" /> {t('queue.log.save')}
        </button>
      </div>
      <div className="log-list" role="log" aria-label={t('queue.log.title')}>
        <VirtualList count={lines.length} rowHeight={LOG_ROW} renderRow={renderRow} role="list" className="log-body" stickToEnd />
      </div>
    </div>
  );
}

/** The bottom panel. */
export function BottomPanel(): ReactNode {
  const dispatcher = useDispatcher();
  const ui = useStore(dispatcher.stores.ui);
  const queue = useStore(dispatcher.stores.queue);
  const counts = useMemo(() => tabCounts(queue.snapshot), [queue.snapshot]);
  const log = useStore(dispatcher.stores.log);
  const hasErrors = useMemo(() => log.lines.slice(-200).some((l) => l.direction === 'error'), [log.lines]);
  const [layout, setLayout] = useBottomLayout();
  if (layout === 'side-by-side') {
    return (
      <section className="bottom beside" aria-label={t('queue.bottom.label')}>
        <div className="bottom-tabs">
          <h2 className="bottom-title" id="title-queue">
            {t('queue.grid')} {counts.queued > 0 && <span className="badge">{counts.queued}</span>}
            {counts.failed > 0 && <span className="badge bad">{counts.failed}</span>}
          </h2>
          <h2 className="bottom-title" id="title-log">
            {t('queue.log.title')} {hasErrors && <span className="dot bad" aria-label={t('queue.log.hasErrors')} />}
          </h2>
          <BottomLayoutToggle layout={layout} onChange={setLayout} />
          <LanguagePicker />
        </div>
        <div className="bottom-body">
          <div className="bottom-half" role="region" aria-labelledby="title-queue">
            <QueueView />
          </div>
          <div className="bottom-half" role="region" aria-labelledby="title-log">
            <LogView />
          </div>
        </div>
      </section>
    );
  }
  return (
    <section className="bottom" aria-label={t('queue.bottom.label')}>
      <div className="bottom-tabs">
        <div className="tab-group" role="tablist" aria-label={t('queue.bottom.tabs')}>
        <button type="button" role="tab" id="tab-queue" aria-controls="panel-queue" aria-selected={ui.bottomTab === 'queue'} className={ui.bottomTab === 'queue' ? 'on' : ''} onClick={() => dispatcher.view.showBottomTab('queue')}>
          {t('queue.grid')} {counts.queued > 0 && <span className="badge">{counts.queued}</span>}
          {counts.failed > 0 && <span className="badge bad">{counts.failed}</span>}
        </button>
        <button type="button" role="tab" id="tab-log" aria-controls="panel-log" aria-selected={ui.bottomTab === 'log'} className={ui.bottomTab === 'log' ? 'on' : ''} onClick={() => dispatcher.view.showBottomTab('log')}>
          {t('queue.log.title')} {hasErrors && <span className="dot bad" aria-label={t('queue.log.hasErrors')} />}
        </button>
        </div>
        <BottomLayoutToggle layout={layout} onChange={setLayout} />
        <LanguagePicker />
      </div>
      <div className="bottom-body" role="tabpanel" id={ui.bottomTab === 'queue' ? 'panel-queue' : 'panel-log'} aria-labelledby={ui.bottomTab === 'queue' ? 'tab-queue' : 'tab-log'}>
        {ui.bottomTab === 'queue' ? <QueueView /> : <LogView />}
      </div>
    </section>
  );
}
