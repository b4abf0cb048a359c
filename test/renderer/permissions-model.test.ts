import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasPermission, isOctalMode, octalFromPermissions, permissionsFromOctal, withPermission } from '../../renderer/state/permissions-model';

describe('the permissions dialog', () => {
  it('reads a listing’s permissions as octal, type character or not', () => {
    for (const [listed, octal] of [
      ['rw-r--r--', '644'],
      ['rwxr-x---', '750'],
      ['-rw-r-----', '640'],
      ['drwxr-xr-x', '755'],
      ['rwsr-xr-x', '4755'],
      ['rwxr-sr-x', '2755'],
      ['rwxrwxrwt', '1777'],
      ['rw-r--r-T', '1644'],
      ['---------', '000'],
    ] as const) {
      assert.equal(octalFromPermissions(listed), octal, listed);
    }
    for (const odd of [null, '', 'rwx', 'RWXRWXRWX', 'rw-r--r--+x']) assert.equal(octalFromPermissions(odd), null, String(odd));
  });

  it('writes octal back as the permissions column shows it', () => {
    for (const [octal, listed] of [
      ['640', 'rw-r-----'],
      ['755', 'rwxr-xr-x'],
      ['4755', 'rwsr-xr-x'],
      ['1644', 'rw-r--r-T'],
      ['000', '---------'],
    ] as const) {
      assert.equal(permissionsFromOctal(octal), listed, octal);
      assert.equal(octalFromPermissions(listed), octal);
    }
    assert.equal(permissionsFromOctal('64'), '');
  });

  it('ticks and clears boxes, keeping the special bits', () => {
    let mode = '644';
    assert.equal(hasPermission(mode, 'group', 'read'), true);
    assert.equal(hasPermission(mode, 'group', 'write'), false);
    mode = withPermission(mode, 'others', 'read', false);
    assert.equal(mode, '640');
    mode = withPermission(mode, 'owner', 'execute', true);
    assert.equal(mode, '740');
    assert.equal(withPermission('4755', 'others', 'execute', false), '4754');
    assert.equal(withPermission('7', 'owner', 'read', true), '400', 'an unfinished value starts from 000');
    assert.equal(hasPermission('7', 'owner', 'read'), false);
  });

  it('accepts three or four octal digits only', () => {
    for (const ok of ['644', '0755', '4755']) assert.equal(isOctalMode(ok), true, ok);
    for (const bad of ['', '64', '888', '75a', '12345']) assert.equal(isOctalMode(bad), false, bad);
  });
});
