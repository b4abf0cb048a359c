import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuickConnectLink } from '../../common/ipc/payloads';
import { dismissLinkNote, editQuickConnect, fillFromLink, initialQuickConnect, linkDisplay, quickConnectFields } from '../../renderer/state/quick-connect-model';

const link: QuickConnectLink = { host: 'files.example.com', port: 2121, mode: 'explicit', user: 'ann', remotePath: '/pub/releases/', passwordIgnored: true };

describe('the quick connect bar filled from a link', () => {
  it('takes host, port, protocol and user from the link, and empties the password', () => {
    const typed = editQuickConnect(initialQuickConnect, { field: 'password', value: 'typed-before' });
    const form = fillFromLink(typed, link);
    assert.equal(form.host, 'files.example.com');
    assert.equal(form.port, '2121');
    assert.equal(form.portEdited, true, 'a non-default port is the link’s own');
    assert.equal(form.protocol, 'explicit');
    assert.equal(form.user, 'ann');
    assert.equal(form.password, '');
    assert.deepEqual(form.link, { display: 'ftpes://ann@files.example.com:2121/pub/releases/', remotePath: '/pub/releases/', passwordIgnored: true, noteDismissed: false });
    assert.equal(form.linkCount, 1);
  });

  it('maps ftps:// to implicit on 990, following the protocol like a typed form', () => {
    const form = fillFromLink(initialQuickConnect, { host: '2001:db8::1', port: 990, mode: 'implicit', user: '', remotePath: null, passwordIgnored: false });
    assert.equal(form.protocol, 'implicit');
    assert.equal(form.port, '990');
    assert.equal(form.portEdited, false);
    assert.equal(form.link?.display, 'ftps://[2001:db8::1]/');
    assert.equal(editQuickConnect(form, { field: 'protocol', value: 'explicit' }).port, '21');
  });

  it('forgets the link’s folder when the user points the form at another host', () => {
    const form = fillFromLink(initialQuickConnect, link);
    assert.ok(editQuickConnect(form, { field: 'user', value: 'bob' }).link, 'another user is the same server');
    assert.ok(editQuickConnect(form, { field: 'host', value: ' files.example.com ' }).link);
    assert.equal(editQuickConnect(form, { field: 'host', value: 'other.example.com' }).link, null);
    assert.equal(dismissLinkNote(form).link?.noteDismissed, true);
    assert.equal(dismissLinkNote(form).link?.remotePath, '/pub/releases/', 'dismissing the note keeps the folder');
  });

  it('sends what the form says, and nothing without a host', () => {
    assert.equal(quickConnectFields(initialQuickConnect), null);
    const form = editQuickConnect(fillFromLink(initialQuickConnect, link), { field: 'password', value: 's3cret' });
    assert.deepEqual(quickConnectFields(form), { host: 'files.example.com', port: 2121, mode: 'explicit', user: 'ann', password: 's3cret' });
  });

  it('lets a cleared port follow the protocol again', () => {
    let form = editQuickConnect(initialQuickConnect, { field: 'port', value: '99x9' });
    assert.equal(form.port, '999');
    form = editQuickConnect(form, { field: 'port', value: '' });
    assert.equal(form.portEdited, false);
    assert.equal(editQuickConnect(form, { field: 'protocol', value: 'implicit' }).port, '990');
    assert.equal(linkDisplay({ ...link, user: '', port: 21 }), 'ftpes://files.example.com/pub/releases/');
  });
});
