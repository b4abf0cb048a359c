#!/usr/bin/env python3
"""One configurable pyftpdlib server for the Wharf test fleet (test/servers/pyftpdlib.ts writes the config).

Usage: server.py CONFIG.json; the password comes from the environment (WHARF_FTP_PASSWORD), never a file.

The config (all keys written by the launcher):
  host, port, passive_ports [first, last], root, user, uid, gid, log_file,
  mode         "explicit" | "implicit" | "plain"
  cert_file, key_file   (not for plain)
  style        "unix" (pyftpdlib as shipped) | "iis" (Windows/IIS imitation) | "netkit" (BSD/netkit ftpd imitation)
  encoding     the control connection's and listings' charset ("utf-8", "cp1251", "shift_jis", ...)
  timezone     the server's TZ (e.g. "Asia/Tokyo"); with it LIST/MLSD/MDTM use local time (use_gmt_times False)
  list_only    no MLSD/MLST, whatever the style
  mdtm_utc     MDTM answers in UTC (RFC 3659) even with a timezone, as ProFTPD and IIS do
  site_utime   no MFMT; "SITE UTIME YYYYMMDDhhmmss path" (UTC) instead, as pure-ftpd and ProFTPD's mod_site_misc
  reset_early_data_tls   a TLS data connection whose handshake starts before its transfer command has arrived
               is reset (RST), whatever the pyftpdlib version

Behaviours kept from pyftpdlib 1.5.7 on purpose, because real servers do the same and clients must cope:
  - active mode: the server connects to the client's EPRT/PORT address first and replies "200 Active data
    connection established." only after connecting;
  - a data connection the client opens and closes without a transfer (MLSD refused, say) is answered with a
    late "226 Transfer complete." on the control connection.
"""
import calendar
import json
import logging
import os
import socket
import struct
import sys
import time

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.filesystems import AbstractedFS
from pyftpdlib.handlers import FTPHandler, TLS_DTPHandler, TLS_FTPHandler
from pyftpdlib.servers import FTPServer


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        config = json.load(f)
    password = os.environ.pop('WHARF_FTP_PASSWORD')
    if config.get('timezone'):
        os.environ['TZ'] = config['timezone']
        time.tzset()

    logging.basicConfig(filename=config['log_file'], level=logging.DEBUG,
                        format='%(asctime)s [%(process)d] %(message)s')

    authorizer = DummyAuthorizer()
    authorizer.add_user(config['user'], password, config['root'], perm='elradfmwMT')

    handler = make_handler(config)
    handler.authorizer = authorizer
    handler.passive_ports = range(config['passive_ports'][0], config['passive_ports'][1] + 1)
    handler.banner = 'Wharf test %s ready.' % config['name']
    handler.use_gmt_times = not config.get('timezone')
    handler.permit_foreign_addresses = False
    if config['mode'] != 'plain':
        handler.certfile = config['cert_file']
        handler.keyfile = config['key_file']
        handler.tls_control_required = True
        handler.tls_data_required = True
        # Read the key (root's, mode 0600) before dropping privileges.
        context = handler.get_ssl_context()
        # Without a session id context OpenSSL fails every handshake that offers a session to resume, and
        # clients (curl, Node) resume the control connection's session on data connections.
        context.set_session_id(b'wharf-' + config['name'].encode('ascii'))

    server = FTPServer((config['host'], config['port']), handler)
    server.max_cons = 256
    # Files the server writes belong to the FTP user, as with the other servers of the fleet.
    os.setgroups([])
    os.setgid(config['gid'])
    os.setuid(config['uid'])
    server.serve_forever(handle_exit=True)


def make_handler(config):
    base = FTPHandler if config['mode'] == 'plain' else TLS_FTPHandler
    encoding = config.get('encoding') or 'utf-8'
    style = config.get('style') or 'unix'
    implicit = config['mode'] == 'implicit'
    is_utf8 = encoding.replace('-', '').lower() == 'utf8'

    class Filesystem(AbstractedFS):
        def format_list(self, basedir, listing, ignore_err=True):
            if style == 'iis':
                lines = iis_list_lines(self, basedir, listing, ignore_err)
            else:
                lines = super().format_list(basedir, listing, ignore_err)
            for line in lines:
                yield recode(line)

        def format_mlsx(self, basedir, listing, perms, facts, ignore_err=True):
            for line in super().format_mlsx(basedir, listing, perms, facts, ignore_err):
                yield recode(line)

    def recode(line):
        return line if is_utf8 else line.decode('utf-8').encode(encoding, 'replace')

    proto_cmds = dict(base.proto_cmds)
    if style in ('iis', 'netkit') or config.get('list_only'):
        # Neither IIS (as configured by most hosts) nor netkit ftpd answers MLSD/MLST.
        for cmd in ('MLSD', 'MLST'):
            proto_cmds.pop(cmd, None)
    if config.get('site_utime'):
        # FEAT then leaves MFMT out; SITE HELP lists UTIME (pyftpdlib builds both from proto_cmds).
        proto_cmds.pop('MFMT', None)
        # perm None: pyftpdlib would otherwise take the whole argument (time and path) for a path; the
        # handler checks the 'T' permission on the path itself.
        proto_cmds['SITE UTIME'] = dict(perm=None, auth=True, arg=True,
                                        help='Syntax: SITE UTIME <SP> YYYYMMDDhhmmss <SP> path (set modification time, UTC).')

    class Handler(base):
        abstracted_fs = Filesystem
        if config.get('reset_early_data_tls'):
            dtp_handler = EarlyTlsResettingDataHandler

        def decode(self, data):
            return data.decode(encoding, self.unicode_errors)

        def push(self, s):
            self.push_bytes(s.encode(encoding, 'replace'))

        def push_bytes(self, data):
            super(FTPHandler, self).push(data)

        def handle(self):
            if implicit:
                # Implicit FTPS: TLS first, the greeting inside it.
                self._wharf_greeted = False
                self.secure_connection(self.ssl_context)
            else:
                super().handle()

        def handle_ssl_established(self):
            if implicit and not self._wharf_greeted:
                self._wharf_greeted = True
                super().handle()

        def ftp_FEAT(self, line):
            if is_utf8:
                return super().ftp_FEAT(line)
            # A server in a legacy charset does not announce UTF8.
            original_push = self.push
            self.push = lambda s: original_push(s.replace(' UTF8\r\n', ''))
            try:
                super().ftp_FEAT(line)
            finally:
                del self.push

        def ftp_MDTM(self, path):
            if not config.get('mdtm_utc'):
                return super().ftp_MDTM(path)
            local = self.use_gmt_times
            self.use_gmt_times = True
            try:
                return super().ftp_MDTM(path)
            finally:
                self.use_gmt_times = local

        def ftp_SITE_UTIME(self, line):
            stamp, _, name = line.partition(' ')
            try:
                seconds = calendar.timegm(time.strptime(stamp, '%Y%m%d%H%M%S'))
            except ValueError:
                self.respond('501 Syntax: SITE UTIME YYYYMMDDhhmmss path.')
                return
            path = self.fs.ftp2fs(name)
            if not name or not self.fs.validpath(path) or not self.authorizer.has_perm(self.username, 'T', path):
                self.respond('550 Not allowed.')
                return
            try:
                self.run_as_current_user(self.fs.utime, path, seconds)
            except OSError as err:
                self.respond('550 %s.' % err.strerror)
                return
            self.respond('200 UTIME OK')

        def ftp_SYST(self, line):
            if style == 'iis':
                self.respond('215 Windows_NT')
            else:
                super().ftp_SYST(line)

        def process_command(self, cmd, *args, **kwargs):
            if style == 'iis' and config['mode'] != 'plain' and cmd in ('USER', 'PASS') and not self._ssl_established:
                self.respond('534 Policy requires SSL.')
                return
            super().process_command(cmd, *args, **kwargs)

        def pre_process_command(self, line, cmd, arg):
            self._wharf_raw_arg = arg
            if cmd in DATA_CONNECTION_COMMANDS:
                self._wharf_transfer_requested = False
            elif cmd in TRANSFER_COMMANDS:
                self._wharf_transfer_requested = True
            super().pre_process_command(line, cmd, arg)

        def ftp_LIST(self, path):
            raw = getattr(self, '_wharf_raw_arg', '')
            if style == 'netkit' and raw and len(raw.split()) > 1:
                return self._netkit_list(raw)
            return super().ftp_LIST(path)

        def _netkit_list(self, raw):
            # netkit/BSD ftpd runs "/bin/ls -lgA <arg>" through its own popen, which splits the argument at
            # whitespace: "LIST /a b" lists "/a" and "b"; what does not exist only reaches ls's stderr.
            from pyftpdlib.handlers import BufferedIteratorProducer

            def lines():
                for word in raw.split():
                    if word.startswith('-'):
                        continue
                    path = self.fs.ftp2fs(word)
                    try:
                        if self.fs.isdir(path):
                            listing = sorted(self.fs.listdir(path))
                            yield from self.fs.format_list(path, listing)
                        elif self.fs.lexists(path):
                            yield from self.fs.format_list(os.path.dirname(path), [os.path.basename(path)])
                    except OSError:
                        continue

            self.push_dtp_data(BufferedIteratorProducer(lines()), isproducer=True, cmd='LIST')

    Handler.proto_cmds = proto_cmds
    return Handler


DATA_CONNECTION_COMMANDS = ('PASV', 'EPSV', 'PORT', 'EPRT')
TRANSFER_COMMANDS = ('LIST', 'NLST', 'MLSD', 'RETR', 'STOR', 'STOU', 'APPE')


class EarlyTlsResettingDataHandler(TLS_DTPHandler):
    """Resets a data connection whose TLS handshake (the client's hello) arrives before its transfer command, as
    servers and firewalls that only expect data once a transfer is under way do: the client reads ECONNRESET.
    pyftpdlib before 1.5.9 closes such a connection by accident (its issue #604, racy), later ones accept it;
    this handler resets it on purpose, every time, whatever the version."""

    def __init__(self, sock, cmd_channel):
        self._wharf_raw_socket = sock  # secure_connection wraps it; the peek below needs the TCP socket itself
        super().__init__(sock, cmd_channel)

    def readable(self):
        if self._ssl_accepting and not self._wharf_transfer_requested() and self._wharf_client_spoke():
            self.cmd_channel.log('Reset a data connection: its TLS handshake started before the transfer command.')
            self._wharf_raw_socket.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
            self.close()
            return False
        return super().readable()

    def _wharf_client_spoke(self):
        # Bytes waiting (the client's hello), not merely the end of a connection opened and closed unused.
        try:
            return len(self._wharf_raw_socket.recv(1, socket.MSG_PEEK)) > 0
        except OSError:
            return False

    def _wharf_transfer_requested(self):
        return getattr(self.cmd_channel, '_wharf_transfer_requested', False)


def iis_list_lines(fs, basedir, listing, ignore_err):
    """IIS's DOS-style LIST: "12-01-26  09:15PM       <DIR>          name" / "...  1234 name.txt"."""
    timefunc = time.gmtime if fs.cmd_channel.use_gmt_times else time.localtime
    for name in listing:
        try:
            st = fs.stat(os.path.join(basedir, name))
        except OSError:
            if ignore_err:
                continue
            raise
        stamp = time.strftime('%m-%d-%y  %I:%M%p', timefunc(st.st_mtime))
        if os.path.isdir(os.path.join(basedir, name)):
            size = '       <DIR>          '
        else:
            size = '%21d ' % st.st_size
        yield ('%s%s%s\r\n' % (stamp, size, name)).encode('utf-8')


if __name__ == '__main__':
    main()
