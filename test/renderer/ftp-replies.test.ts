/** Server replies are explained in words beside their code, FileZilla-style. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainReply } from '../../common/models/ftp-replies';
import { describeError } from '../../renderer/state/errors';

describe('server replies in words', () => {
  it('keeps the raw reply and adds what it means', () => {
    const view = describeError({ kind: 'ftp', message: '553 Could not create file.', code: 553 });
    assert.match(view.message, /^553 Could not create file\. \(.*not allowed.*permission.*\)$/);
  });

  it('leaves a code without an entry as the server said it', () => {
    assert.equal(explainReply(299), null);
    assert.equal(describeError({ kind: 'ftp', message: '599 Odd.', code: 599 }).message, '599 Odd.');
  });
});
