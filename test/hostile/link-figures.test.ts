/**
 * The reliability figures of links and bounded recursion (test/hostile/link-figures.ts): each scenario
 * ends with 0 files lost, changed or written outside the chosen folder, and every refusal says why.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useFleet } from '../servers/fleet';
import { runDownloadLinkFigures, runRecursionBudgetFigures, runUploadLinkFigures } from './link-figures';
import { fleetCertificate } from './support';

const fleet = await useFleet();
const cert = fleetCertificate(fleet, 'server');

test('links at a download\'s target, temporary file and subfolder: refused alone, nothing outside touched', async () => {
  const figures = await runDownloadLinkFigures(cert);
  assert.deepEqual(figures.problems, []);
  assert.equal(figures.lostOrCorrupted, 0);
  assert.deepEqual([figures.transfersRun, figures.completed], [4, 2], figures.notes);
});

test('a folder upload with links leading out: left out with reasons, nothing from outside on the server', async () => {
  const figures = await runUploadLinkFigures(fleet);
  assert.deepEqual(figures.problems, []);
  assert.equal(figures.lostOrCorrupted, 0);
  assert.deepEqual([figures.transfersRun, figures.completed], [3, 3], figures.notes);
});

test('an endless tree stops at its budget, asked once; what was queued is downloaded whole', async () => {
  const figures = await runRecursionBudgetFigures(cert);
  assert.deepEqual(figures.problems, []);
  assert.equal(figures.lostOrCorrupted, 0);
});
