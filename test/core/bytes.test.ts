import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes } from '../../main/core/bytes';

describe('bytes for people (the command line and the sync explanations)', () => {
  it('counts bytes below a KiB as they are, and larger sizes 1024-based with one decimal', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(1024), '1.0 KiB');
    assert.equal(formatBytes(1536 * 1024), '1.5 MiB');
    assert.equal(formatBytes(3 * 1024 ** 3), '3.0 GiB');
  });

  it('stops at TiB', () => {
    assert.equal(formatBytes(2048 * 1024 ** 4), '2048.0 TiB');
  });
});
