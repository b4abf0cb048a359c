/**
 * A scripted FTP server that misbehaves on purpose, plain or TLS (explicit AUTH TLS or implicit), on
 * 127.0.0.1 only. It records every command line it receives and whether the control connection was
 * encrypted at that moment, every byte it received in clear, and every data connection, so tests can
 * assert what a client sent before it decided about a certificate, and that a password never crossed the
 * network unencrypted. What it serves comes from a script: listings (text, bytes, or an endless stream),
 * files, the PASV address, how AUTH TLS goes, or an endless greeting.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { TLSSocket, createSecureContext, type SecureContext } from 'node:tls';

/** What a listing command gets: the whole text, or chunks produced until the client stops reading. */
export type ListingBody = string | Buffer | { readonly endless: () => Buffer } | { readonly chunks: () => Iterable<Buffer> };

export interface HostileScript {
  readonly mode: 'plain' | 'explicit' | 'implicit';
  /** PEM key and certificate for TLS (explicit and implicit). */
  readonly key?: string;
  readonly cert?: string;
  /** How AUTH TLS goes: accepted (default), refused (534), or 234 followed by a broken handshake. */
  readonly auth?: 'accept' | 'refuse' | 'garbage' | 'close' | 'silence';
  /** The greeting: one line (default "220 Hostile test server"), or an endless reply line. */
  readonly greeting?: string | 'endless';
  /** FEAT lines; with an `MLST` line the client lists with MLSD. default: none (LIST). */
  readonly features?: readonly string[];
  /** The listing of a folder, for LIST and MLSD; null: 550. */
  readonly listing?: (path: string, command: 'LIST' | 'MLSD' | 'NLST') => ListingBody | null;
  /** The content of a file for RETR and SIZE (a function may answer differently each time); null: 550. */
  readonly file?: (path: string) => Buffer | null;
  /** The address in the 227 reply, e.g. 203.0.113.9 (another public host) or 10.1.2.3 (NAT); default 127.0.0.1. */
  readonly pasvAddress?: string;
  /** Refuse EPSV (500) so the client must use PASV. default false */
  readonly refuseEpsv?: boolean;
  /**
   * A reply about an earlier data connection to write before answering a command (the `index`-th command
   * line of the server's life, from 0), as servers that answer a data connection closed unused do; null: none.
   */
  readonly lateReply?: (index: number, verb: string) => string | null;
  /** Reset (TCP RST) every data connection as it arrives, as a firewall or a broken server does. default false */
  readonly resetDataConnections?: boolean;
  /**
   * A listing of a folder this names gets its 150, then the server is stuck: nothing more on that data connection
   * or that control connection, whatever the client sends (ABOR, NOOP). default: none
   */
  readonly hangsOnListing?: (path: string) => boolean;
  /**
   * RETR of a file it has not (`file` gives null) resets the accepted data connection, then answers 550, as proftpd
   * does; with `preliminaryAfterHello`, once the client's TLS hello arrived on it. default false
   */
  readonly resetDataOnRefusal?: boolean;
  /**
   * How long RETR of a file it has not waits before its 550 (default 0). With an EPSV that named a dead port, the
   * client's connection is refused before the refusal arrives: a refusal read late, behind the failed connection,
   * as a loaded machine or a slow link reads proftpd's (it answers 550 and closes the port it named).
   */
  readonly refusalDelayMs?: number;
  /**
   * How the `index`-th EPSV of the server's life (from 0) goes: as usual; `dead-port`: it names a port nobody
   * listens on, and the next transfer command waits for that data connection as a real server waits until its
   * own timeout; `refused`: 500. default: as usual
   */
  readonly epsv?: (index: number) => 'usual' | 'dead-port' | 'refused';
  /** How the `index`-th PASV of the server's life (from 0) goes: as usual, or naming a dead port as `epsv` can. */
  readonly pasv?: (index: number) => 'usual' | 'dead-port';
  /**
   * The reply to a transfer command waiting for the connection to a dead port (see `epsv`), `refusalDelayMs` after
   * it came: a server that gave up waiting (vsftpd's "425 Failed to establish connection."); `silence`: no reply at
   * all, ever. default: 150, then it waits
   */
  readonly deadPortReply?: string;
  /** A refusal of RETR, STOR or APPE of a path (a file it has may still be refused), `refusalDelayMs` after the command; null: none. */
  readonly refuse?: (verb: 'RETR' | 'STOR' | 'APPE', path: string) => string | null;
  /** MDTM's answer for a path: a time as MDTM gives it (YYYYMMDDHHMMSS), or null: 550. default: always 550 */
  readonly modifiedAt?: (path: string) => string | null;
  /**
   * A protected transfer whose command arrived in the same read as its EPSV is answered 150 only once the client's
   * TLS hello has arrived on its data connection: the server had the command before it named the port, so a client
   * may start TLS at connect, and one that waits for the 150 first waits for ever. default false
   */
  readonly preliminaryAfterHello?: boolean;
  /**
   * Resets a data connection whose first bytes (a TLS hello) arrive before its transfer command (RETR, STOR, a
   * listing) was received, as pyftpdlib does; and answers REST 200 ms late, so a RETR sent only after the 350
   * comes after a hello sent at connect. default false
   */
  readonly resetsEarlyHello?: boolean;
}

/** One command line as the server received it. */
export interface ReceivedCommand {
  readonly line: string;
  /** Whether the control connection was encrypted when it arrived. */
  readonly secure: boolean;
}

export interface HostileServer {
  readonly port: number;
  readonly received: readonly ReceivedCommand[];
  /** Every byte received on control connections before TLS (or ever, for plain FTP). */
  clearBytes(): Buffer;
  readonly stats: { controlConnections: number; dataConnections: number; bytesServed: number };
  close(): Promise<void>;
}

const DEFAULT_GREETING = '220 Hostile test server';
/** The commands that start a transfer (RFC 959, RFC 3659): this server's own list, so a product table missing one still fails here. */
const TRANSFER_VERBS = /^(RETR|STOR|STOU|APPE|LIST|NLST|MLSD)$/;

function parsePath(argument: string): string {
  // "LIST -a /x", "MLSD /x", "LIST" (current folder)
  const parts = argument.split(' ').filter((p) => p.length > 0 && !p.startsWith('-'));
  const path = parts.join(' ') || '/';
  return path.startsWith('/') ? path : `/${path}`;
}

/** Starts a hostile server on 127.0.0.1 with a random port. */
export async function startHostileServer(script: HostileScript): Promise<HostileServer> {
  const received: ReceivedCommand[] = [];
  const clear: Buffer[] = [];
  const stats = { controlConnections: 0, dataConnections: 0, bytesServed: 0 };
  const sockets = new Set<Socket>();
  const servers = new Set<Server>();
  let epsvCount = 0;
  let pasvCount = 0;
  let context: SecureContext | null = null;
  if (script.mode !== 'plain') {
    if (!script.key || !script.cert) throw new Error('a TLS hostile server needs a key and a certificate');
    context = createSecureContext({ key: script.key, cert: script.cert });
  }

  const track = <T extends Socket>(socket: T): T => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    return socket;
  };

  /** Writes chunks with backpressure until the peer stops reading or closes. */
  const pump = async (socket: Socket, next: () => Buffer | null): Promise<void> => {
    for (;;) {
      if (socket.destroyed || socket.writableEnded) return;
      const chunk = next();
      if (chunk === null) return;
      stats.bytesServed += chunk.length;
      if (!socket.write(chunk)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            socket.removeListener('drain', done);
            socket.removeListener('close', done);
            resolve();
          };
          socket.on('drain', done);
          socket.on('close', done);
        });
      }
    }
  };

  const serveControl = (raw: Socket) => {
    stats.controlConnections += 1;
    let control: Socket = raw;
    let secure = false;
    let prot = false;
    let pendingData: Promise<Socket> | null = null;
    /** The data connection to a dead port (see `epsv`): it never comes. */
    const neverConnects = new Promise<Socket>(() => undefined);
    /** Whether the transfer command for the latest passive connection has been received (see resetsEarlyHello). */
    let transferCommandReceived = false;
    /** Where the next RETR starts (REST). */
    let restOffset = 0;
    /** The latest data connection as accepted, before any TLS (which waits for the client's handshake). */
    let acceptedData: Promise<Socket> | null = null;
    /** The latest data connection's first bytes from the client (its TLS hello) have arrived. */
    let helloArrived: Promise<void> | null = null;
    let buffer = '';

    const reply = (text: string) => {
      if (!control.destroyed) control.write(`${text}\r\n`);
    };

    const openPassive = async (): Promise<{ port: number }> => {
      const listener = createServer();
      servers.add(listener);
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
      let accepted: (socket: Socket) => void = () => undefined;
      acceptedData = new Promise<Socket>((resolve) => (accepted = resolve));
      let hello: () => void = () => undefined;
      helloArrived = new Promise<void>((resolve) => (hello = resolve));
      pendingData = new Promise<Socket>((resolve) => {
        listener.once('connection', (socket) => {
          stats.dataConnections += 1;
          accepted(socket);
          if (script.resetDataConnections) {
            socket.resetAndDestroy();
            return;
          }
          track(socket);
          listener.close();
          servers.delete(listener);
          if (script.resetsEarlyHello) {
            socket.once('data', (chunk: Buffer) => {
              if (!transferCommandReceived) {
                socket.resetAndDestroy();
                return;
              }
              socket.pause();
              socket.unshift(chunk);
              if (!prot || !context) return resolve(socket);
              const wrapped = track(new TLSSocket(socket, { isServer: true, secureContext: context }) as unknown as Socket);
              wrapped.once('secure', () => resolve(wrapped));
            });
            if (!prot || !context) resolve(socket);
          } else if (prot && context && script.preliminaryAfterHello) {
            // TLS over it once the hello is in its read buffer: the TLS socket takes what the socket buffered.
            socket.once('data', (chunk: Buffer) => {
              socket.pause();
              socket.unshift(chunk);
              hello();
              const wrapped = track(new TLSSocket(socket, { isServer: true, secureContext: context as SecureContext }) as unknown as Socket);
              wrapped.once('secure', () => resolve(wrapped));
            });
          } else if (prot && context) {
            const wrapped = track(new TLSSocket(socket, { isServer: true, secureContext: context }) as unknown as Socket);
            wrapped.once('secure', () => resolve(wrapped));
          } else {
            resolve(socket);
          }
        });
      });
      pendingData.catch(() => undefined);
      return { port: (listener.address() as AddressInfo).port };
    };

    /** A port nobody listens on, for the next transfer's data connection. */
    const deadPort = async (): Promise<number> => {
      const unused = createServer();
      await new Promise<void>((resolve) => unused.listen(0, '127.0.0.1', resolve));
      const { port } = unused.address() as AddressInfo;
      await new Promise<void>((resolve) => unused.close(() => resolve()));
      pendingData = neverConnects;
      return port;
    };

    /** The refusal `refuse` gives to a transfer command, sent after `refusalDelayMs`; false: not refused. */
    const refused = async (verb: 'RETR' | 'STOR' | 'APPE', argument: string): Promise<boolean> => {
      const refusal = script.refuse?.(verb, parsePath(argument)) ?? null;
      if (refusal === null) return false;
      if (script.refusalDelayMs) await new Promise((resolve) => setTimeout(resolve, script.refusalDelayMs));
      reply(refusal);
      return true;
    };

    const withData = async (send: (data: Socket) => Promise<void>, withEpsv: boolean) => {
      if (!pendingData) {
        reply('425 Use PASV or EPSV first.');
        return;
      }
      const waiting = pendingData;
      pendingData = null;
      if (waiting === neverConnects && script.deadPortReply) {
        if (script.deadPortReply === 'silence') return new Promise<never>(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, script.refusalDelayMs ?? 0));
        return reply(script.deadPortReply);
      }
      if (script.preliminaryAfterHello && withEpsv && prot) await helloArrived;
      reply('150 Here it comes.');
      const data = await waiting;
      await send(data);
      if (!data.destroyed) data.end();
      await new Promise<void>((resolve) => (data.closed ? resolve() : data.once('close', () => resolve())));
      reply('226 Done.');
    };

    const sendListing = async (command: 'LIST' | 'MLSD' | 'NLST', argument: string, withEpsv: boolean) => {
      if (script.hangsOnListing?.(parsePath(argument))) {
        reply('150 Here it comes.');
        return new Promise<never>(() => undefined);
      }
      const body = script.listing?.(parsePath(argument), command) ?? null;
      if (body === null) {
        reply('550 No such folder.');
        return;
      }
      await withData(async (data) => {
        if (typeof body === 'string' || Buffer.isBuffer(body)) {
          const bytes = Buffer.from(body);
          let at = 0;
          await pump(data, () => {
            if (at >= bytes.length) return null;
            const part = bytes.subarray(at, at + 256 * 1024);
            at += part.length;
            return part;
          });
        } else if ('endless' in body) {
          await pump(data, body.endless);
        } else {
          const iterator = body.chunks()[Symbol.iterator]();
          await pump(data, () => {
            const next = iterator.next();
            return next.done ? null : next.value;
          });
        }
      }, withEpsv);
    };

    const upgrade = () => {
      raw.removeAllListeners('data');
      const tlsSocket = track(new TLSSocket(raw, { isServer: true, secureContext: context as SecureContext }) as unknown as Socket);
      control = tlsSocket;
      secure = true;
      tlsSocket.on('data', onData);
    };

    /** `withEpsv`: the line came in the same read as an EPSV before it. */
    const handle = async (line: string, withEpsv: boolean) => {
      const index = received.length;
      received.push({ line, secure });
      const space = line.indexOf(' ');
      const verb = (space < 0 ? line : line.slice(0, space)).toUpperCase();
      const late = script.lateReply?.(index, verb) ?? null;
      if (late !== null) reply(late);
      const argument = space < 0 ? '' : line.slice(space + 1);
      if (verb === 'EPSV' || verb === 'PASV') transferCommandReceived = false;
      if (TRANSFER_VERBS.test(verb)) transferCommandReceived = true;
      if (verb === 'REST' && script.resetsEarlyHello) await new Promise((resolve) => setTimeout(resolve, 200));
      switch (verb) {
        case 'AUTH': {
          const how = script.auth ?? 'accept';
          if (script.mode !== 'explicit' || how === 'refuse') return reply('534 Request denied for policy reasons.');
          reply('234 Proceed with negotiation.');
          raw.removeAllListeners('data');
          if (how === 'garbage') return void raw.write('this is not a TLS handshake\r\n'); // and stays open
          if (how === 'close') return void raw.end();
          if (how === 'silence') return; // never answers the hello; the client must time out
          return upgrade();
        }
        case 'USER':
          return reply('331 Password please.');
        case 'PASS':
          return reply('230 Logged in.');
        case 'FEAT':
          return reply(['211-Features:', ...(script.features ?? []).map((f) => ` ${f}`), '211 End'].join('\r\n'));
        case 'PBSZ':
          return reply('200 PBSZ=0');
        case 'PROT':
          prot = argument.toUpperCase() === 'P' && secure;
          return reply(prot ? '200 Protection set to Private' : '200 Protection set to Clear');
        case 'TYPE':
        case 'STRU':
        case 'OPTS':
        case 'MODE':
          return reply('200 OK.');
        case 'SYST':
          return reply('215 UNIX Type: L8');
        case 'NOOP':
          return reply('200 NOOP ok.');
        case 'PWD':
          return reply('257 "/" is the current folder.');
        case 'CWD':
          return reply('250 OK.');
        case 'REST':
          restOffset = Number(argument) || 0;
          return reply(`350 Restarting at ${argument}.`);
        case 'SIZE': {
          const file = script.file?.(parsePath(argument)) ?? null;
          return reply(file ? `213 ${file.length}` : '550 Not a plain file.');
        }
        case 'MDTM': {
          const time = script.modifiedAt?.(parsePath(argument)) ?? null;
          return reply(time === null ? '550 No time.' : `213 ${time}`);
        }
        case 'EPSV': {
          if (script.refuseEpsv) return reply('500 EPSV not understood.');
          const epsv = script.epsv?.(epsvCount++) ?? 'usual';
          if (epsv === 'refused') return reply('500 EPSV not understood here.');
          const port = epsv === 'dead-port' ? await deadPort() : (await openPassive()).port;
          return reply(`229 Entering Extended Passive Mode (|||${port}|)`);
        }
        case 'PASV': {
          const port = (script.pasv?.(pasvCount++) ?? 'usual') === 'dead-port' ? await deadPort() : (await openPassive()).port;
          const address = (script.pasvAddress ?? '127.0.0.1').split('.').join(',');
          return reply(`227 Entering Passive Mode (${address},${port >> 8},${port & 255}).`);
        }
        case 'LIST':
        case 'NLST':
          return sendListing(verb, argument, withEpsv);
        case 'MLSD':
          return sendListing('MLSD', argument, withEpsv);
        case 'RETR': {
          if (await refused('RETR', argument)) return;
          const file = script.file?.(parsePath(argument)) ?? null;
          if (!file) {
            if (script.resetDataOnRefusal && acceptedData) {
              const data = await acceptedData;
              // A client that starts TLS at connect has its hello on the way: the reset comes under its handshake.
              if (script.preliminaryAfterHello && prot && withEpsv) await helloArrived;
              pendingData = null;
              data.resetAndDestroy();
            }
            if (script.refusalDelayMs) await new Promise((resolve) => setTimeout(resolve, script.refusalDelayMs));
            return reply('550 No such file.');
          }
          const from = restOffset;
          restOffset = 0;
          return withData(async (data) => {
            let sent = false;
            await pump(data, () => {
              if (sent) return null;
              sent = true;
              return file.subarray(from);
            });
          }, withEpsv);
        }
        case 'STOR':
        case 'APPE':
          if (await refused(verb as 'STOR' | 'APPE', argument)) return;
          return withData(async (data) => {
            data.resume();
            await new Promise<void>((resolve) => data.once('end', resolve).once('close', resolve));
          }, withEpsv);
        case 'MKD':
          return reply(`257 "${argument}" created.`);
        case 'QUIT':
          reply('221 Bye.');
          return void control.end();
        default:
          return reply('502 Not implemented.');
      }
    };

    // Commands are handled one at a time, in order, as a real server does.
    let chain = Promise.resolve();
    const onData = (chunk: Buffer) => {
      if (!secure) clear.push(Buffer.from(chunk));
      buffer += chunk.toString('latin1');
      let epsvInThisRead = false;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = Buffer.from(buffer.slice(0, end), 'latin1').toString('utf8');
        buffer = buffer.slice(end + 2);
        const withEpsv = epsvInThisRead;
        if (/^EPSV$/i.test(line)) epsvInThisRead = true;
        chain = chain.then(() => handle(line, withEpsv)).catch(() => void control.destroy());
      }
    };

    const greet = () => {
      if (script.greeting === 'endless') {
        control.write('220-');
        const filler = Buffer.alloc(64 * 1024, 0x41);
        void pump(control, () => filler);
        return;
      }
      reply(script.greeting ?? DEFAULT_GREETING);
    };

    track(raw);
    if (script.mode === 'implicit') {
      const tlsSocket = track(new TLSSocket(raw, { isServer: true, secureContext: context as SecureContext }) as unknown as Socket);
      control = tlsSocket;
      secure = true;
      tlsSocket.once('secure', greet);
      tlsSocket.on('data', onData);
    } else {
      raw.on('data', onData);
      greet();
    }
  };

  const server = createServer(serveControl);
  servers.add(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    clearBytes: () => Buffer.concat(clear),
    stats,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([...servers].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

/** A Unix `ls -l` line for a name given as text or raw bytes. */
export function unixLine(name: string | Buffer, options: { size?: number; directory?: boolean } = {}): Buffer {
  const head = `${options.directory ? 'drwxr-xr-x' : '-rw-r--r--'}    1 ftp      ftp      ${String(options.size ?? 0).padStart(8)} Jan 01 00:00 `;
  return Buffer.concat([Buffer.from(head), Buffer.isBuffer(name) ? name : Buffer.from(name, 'utf8'), Buffer.from('\r\n')]);
}

/** An MLSD line for a name given as text or raw bytes. */
export function mlsdLine(name: string | Buffer, options: { size?: number; directory?: boolean } = {}): Buffer {
  const facts = `type=${options.directory ? 'dir' : 'file'};size=${options.size ?? 0};modify=20240101000000; `;
  return Buffer.concat([Buffer.from(facts), Buffer.isBuffer(name) ? name : Buffer.from(name, 'utf8'), Buffer.from('\r\n')]);
}
