import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { QueueProgress } from '../../common/models/transfer';
import { resolveAppPaths } from '../../main/app/app-paths';
import { LONG_QUEUE_MS, QueueProgressTracker } from '../../main/app/queue-progress';
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from '../../main/app/window-state';

describe('resolveAppPaths', () => {
  it('finds the preload and renderer beside the main bundle in development', () => {
    assert.deepEqual(resolveAppPaths('/repo/dist/main', 'linux'), { preload: '/repo/dist/preload/index.cjs', rendererRoot: '/repo/dist/renderer' });
  });

  it('finds them inside app.asar when packaged, also when main was unpacked', () => {
    const expected = { preload: '/opt/Wharf/resources/app.asar/dist/preload/index.cjs', rendererRoot: '/opt/Wharf/resources/app.asar/dist/renderer' };
    assert.deepEqual(resolveAppPaths('/opt/Wharf/resources/app.asar/dist/main', 'linux'), expected);
    assert.deepEqual(resolveAppPaths('/opt/Wharf/resources/app.asar.unpacked/dist/main', 'linux'), expected);
    assert.deepEqual(resolveAppPaths('/opt/Wharf/resources/app.asar/dist/main/', 'linux'), expected);
  });

  it('resolves Windows layouts', () => {
    assert.deepEqual(resolveAppPaths('C:\\Program Files\\Wharf\\resources\\app.asar\\dist\\main', 'win32'), {
      preload: 'C:\\Program Files\\Wharf\\resources\\app.asar\\dist\\preload\\index.cjs',
      rendererRoot: 'C:\\Program Files\\Wharf\\resources\\app.asar\\dist\\renderer',
    });
  });
});

describe('window state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-window-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const display = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('comes back where it was saved', () => {
    saveWindowState(dir, { x: 100, y: 50, width: 1000, height: 700, maximized: true });
    assert.deepEqual(loadWindowState(dir, display), { x: 100, y: 50, width: 1000, height: 700, maximized: true });
  });

  it('keeps the size but lets the OS place a window whose display is gone', () => {
    saveWindowState(dir, { x: 3000, y: 50, width: 1000, height: 700, maximized: false });
    assert.deepEqual(loadWindowState(dir, display), { width: 1000, height: 700, maximized: false });
  });

  it('falls back to the default for a missing or damaged file', () => {
    assert.deepEqual(loadWindowState(join(dir, 'nowhere'), display), DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'window-state.json'), '{"width": -5');
    assert.deepEqual(loadWindowState(dir, display), DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'window-state.json'), '{"width": 99999999, "height": 700}');
    assert.deepEqual(loadWindowState(dir, display), DEFAULT_WINDOW_STATE);
  });
});

describe('queue progress in the taskbar', () => {
  const progress = (p: Partial<QueueProgress>): QueueProgress => ({
    total: 0, queued: 0, running: 0, paused: 0, done: 0, failed: 0, skipped: 0, bytesDone: 0, bytesTotal: 0, speed: 0, etaSeconds: null, ...p,
  });

  it('shows the fraction of bytes while busy and hides when idle', () => {
    const tracker = new QueueProgressTracker();
    assert.deepEqual(tracker.update(progress({ running: 1, bytesDone: 25, bytesTotal: 100 }), 0), { progress: 0.25, notify: null });
    assert.deepEqual(tracker.update(progress({ done: 1, bytesDone: 100, bytesTotal: 100 }), 1000), { progress: -1, notify: null });
  });

  it('notifies when a long queue finishes, with the failures', () => {
    const tracker = new QueueProgressTracker();
    tracker.update(progress({ running: 2, queued: 5 }), 0);
    tracker.update(progress({ running: 1 }), LONG_QUEUE_MS / 2);
    const end = tracker.update(progress({ done: 6, failed: 1 }), LONG_QUEUE_MS);
    assert.deepEqual(end, { progress: -1, notify: { title: 'Transfers finished', body: '6 done, 1 failed.' } });
    assert.deepEqual(tracker.update(progress({ done: 6, failed: 1 }), LONG_QUEUE_MS + 1), { progress: -1, notify: null });
  });
});
