/**
 * How each client is asked to do each job: the exact command lines the benchmark times. Every client
 * verifies the server certificate against the fleet's CA (Wharf --ca, curl --cacert, lftp ssl:ca-file),
 * so all three do the same TLS work; "wharf-pinned" trusts the certificate by fingerprint instead.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerInfo } from '../servers/fleet';

export type ClientName = 'wharf' | 'wharf-pinned' | 'wharf-baseline' | 'wharf-segments' | 'curl' | 'lftp' | 'lftp-pget';

export const CLIENT_LABELS: Record<ClientName, string> = {
  wharf: 'Wharf',
  'wharf-pinned': 'Wharf, pinned (--fingerprint)',
  'wharf-baseline': 'Wharf baseline (--baseline)',
  'wharf-segments': 'Wharf, get --segments N',
  curl: 'curl',
  lftp: 'lftp',
  'lftp-pget': 'lftp pget -n N',
};

/** A job as the benchmark describes it; paths are absolute local paths, remote ones relative to the FTP root. */
export type Job =
  /** `segments`: one file in that many ranges over as many connections (wharf --segments, lftp pget -n). */
  | { kind: 'download'; remote: string; local: string; segments?: number }
  | { kind: 'upload'; local: string; remote: string }
  /** Downloads `files` (names inside remoteDir) into localDir, over `connections` connections. */
  | { kind: 'download-tree'; remoteDir: string; localDir: string; files: readonly string[]; connections: number }
  /** Uploads `files` (names inside localDir) into remoteDir (which the client creates), over `connections` connections. */
  | { kind: 'upload-tree'; localDir: string; remoteDir: string; files: readonly string[]; connections: number }
  /** Lists remoteDir (the whole listing is written to stdout). */
  | { kind: 'list'; remoteDir: string };

export interface Command {
  readonly cmd: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

export interface ClientContext {
  readonly server: ServerInfo;
  readonly caCertFile: string;
  /** node and bin/wharf, so Wharf runs on the same Node as the benchmark. */
  readonly nodePath: string;
  readonly wharfBin: string;
  /** An earlier build's dist/cli/wharf.cjs, run as "wharf-baseline" (before/after in one run); null: none. */
  readonly baselineBundle?: string | null;
  /** A private folder for config files (curl -K lists, lftp scripts) and lftp's home. */
  readonly scratchDir: string;
  /**
   * The server is reached through the bench's WAN proxy (test/bench/wan-proxy.ts) on another loopback address:
   * clients that would open a PASV address (127.0.0.1, the server's) are told to use the control peer's.
   */
  readonly viaProxy?: boolean;
  /** `--segments N`: big downloads also run as `wharf get --segments N` and `lftp pget -n N`. */
  readonly segments?: number;
}

function wharfUrl(server: ServerInfo, path: string): string {
  const scheme = server.mode === 'explicit' ? 'ftpes' : server.mode === 'implicit' ? 'ftps' : 'ftp';
  return `${scheme}://${encodeURIComponent(server.user)}@${server.host}:${server.port}/${path.replace(/^\/+/, '')}`;
}

function wharfCommand(ctx: ClientContext, pinned: boolean, job: Job, program = ctx.wharfBin): Command {
  const { server } = ctx;
  const trust =
    server.mode === 'plain'
      ? ['--allow-plain']
      : pinned
        ? ['--fingerprint', `SHA256:${server.certFingerprintSha256 ?? ''}`]
        : ['--ca', ctx.caCertFile];
  const common = ['-q', ...trust];
  let args: string[];
  switch (job.kind) {
    case 'download':
      args = ['get', wharfUrl(server, job.remote), job.local, ...(job.segments ? ['--segments', String(job.segments)] : []), ...common];
      break;
    case 'upload':
      args = ['put', job.local, wharfUrl(server, job.remote), ...common];
      break;
    case 'download-tree':
      args = ['get', '-r', wharfUrl(server, job.remoteDir), job.localDir, '--parallel', String(job.connections), ...common];
      break;
    case 'upload-tree':
      args = ['put', '-r', job.localDir, wharfUrl(server, job.remoteDir), '--parallel', String(job.connections), ...common];
      break;
    case 'list':
      args = ['ls', wharfUrl(server, job.remoteDir), ...common];
      break;
  }
  return { cmd: ctx.nodePath, args: [program, ...args], env: { ...process.env, WHARF_PASSWORD: server.password } };
}

/** `wharf info`: the negotiated TLS version and cipher, and whether data connections resume the session. */
export function wharfInfoCommand(ctx: ClientContext): Command {
  const trust = ctx.server.mode === 'plain' ? ['--allow-plain'] : ['--ca', ctx.caCertFile];
  return { cmd: ctx.nodePath, args: [ctx.wharfBin, 'info', wharfUrl(ctx.server, ''), ...trust], env: { ...process.env, WHARF_PASSWORD: ctx.server.password } };
}

function curlUrl(server: ServerInfo, path: string): string {
  // Explicit FTPS is ftp:// with --ssl-reqd; ftps:// is implicit.
  const scheme = server.mode === 'implicit' ? 'ftps' : 'ftp';
  return `${scheme}://${server.host}:${server.port}/${path.replace(/^\/+/, '')}`;
}

/** curl's config-file quoting: backslash and double quote escaped inside double quotes. */
function curlQuote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

let scratchCounter = 0;

function curlCommand(ctx: ClientContext, job: Job): Command {
  const { server } = ctx;
  // --disable (first) ignores any ~/.curlrc; -sS and --no-progress-meter (which -Z needs): errors only.
  const base = ['--disable', '-sS', '--no-progress-meter', '--user', `${server.user}:${server.password}`];
  if (server.mode !== 'plain') base.push('--cacert', ctx.caCertFile);
  if (server.mode === 'explicit') base.push('--ssl-reqd');
  if (ctx.viaProxy) base.push('--ftp-skip-pasv-ip');
  let args: string[];
  switch (job.kind) {
    case 'download':
      args = [...base, '-o', job.local, curlUrl(server, job.remote)];
      break;
    case 'upload':
      args = [...base, '-T', job.local, curlUrl(server, job.remote)];
      break;
    case 'download-tree': {
      // One process for all files, as a user would script it: url/output pairs in a config file. Sequential
      // mode reuses one connection; -Z runs up to --parallel-max transfers at once.
      const list = job.files.flatMap((name) => [
        `url = ${curlQuote(curlUrl(server, `${job.remoteDir}/${name}`))}`,
        `output = ${curlQuote(join(job.localDir, name))}`,
      ]);
      const config = join(ctx.scratchDir, `curl-${++scratchCounter}.cfg`);
      writeFileSync(config, `${list.join('\n')}\n`, { mode: 0o600 });
      args = [...base, ...(job.connections > 1 ? ['-Z', '--parallel-max', String(job.connections)] : []), '-K', config];
      break;
    }
    case 'upload-tree': {
      const list = job.files.flatMap((name) => [
        `upload-file = ${curlQuote(join(job.localDir, name))}`,
        `url = ${curlQuote(curlUrl(server, `${job.remoteDir}/${name}`))}`,
      ]);
      const config = join(ctx.scratchDir, `curl-${++scratchCounter}.cfg`);
      writeFileSync(config, `${list.join('\n')}\n`, { mode: 0o600 });
      args = [...base, '--ftp-create-dirs', ...(job.connections > 1 ? ['-Z', '--parallel-max', String(job.connections)] : []), '-K', config];
      break;
    }
    case 'list':
      // A trailing slash: curl lists the folder (LIST) instead of fetching a file.
      args = [...base, curlUrl(server, `${job.remoteDir}/`)];
      break;
  }
  return { cmd: 'curl', args, env: process.env };
}

/** lftp's command-line quoting: double quotes, with backslash and double quote escaped. */
function lftpQuote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function lftpCommand(ctx: ClientContext, job: Job): Command {
  const { server } = ctx;
  const settings = [
    'set cmd:fail-exit yes',
    'set net:max-retries 1',
    'set net:timeout 60',
    'set xfer:clobber yes',
    'set xfer:log no',
  ];
  if (server.mode === 'plain') {
    settings.push('set ftp:ssl-allow no');
  } else {
    settings.push(
      `set ssl:ca-file ${lftpQuote(ctx.caCertFile)}`,
      'set ssl:verify-certificate yes',
      'set ftp:ssl-force yes',
      'set ftp:ssl-protect-data yes',
      'set ftp:ssl-protect-list yes',
    );
  }
  if (ctx.viaProxy) settings.push('set ftp:ignore-pasv-address yes');
  const scheme = server.mode === 'implicit' ? 'ftps' : 'ftp';
  const open = `open -u ${lftpQuote(server.user)},${lftpQuote(server.password)} ${scheme}://${server.host}:${server.port}`;
  let action: string;
  switch (job.kind) {
    case 'download':
      action = `${job.segments ? `pget -n ${job.segments}` : 'get'} ${lftpQuote(job.remote)} -o ${lftpQuote(job.local)}`;
      break;
    case 'upload':
      action = `put ${lftpQuote(job.local)} -o ${lftpQuote(job.remote)}`;
      break;
    case 'download-tree':
      action = `mirror${job.connections > 1 ? ` --parallel=${job.connections}` : ''} ${lftpQuote(job.remoteDir)} ${lftpQuote(job.localDir)}`;
      break;
    case 'upload-tree':
      action = `mirror -R${job.connections > 1 ? ` --parallel=${job.connections}` : ''} ${lftpQuote(job.localDir)} ${lftpQuote(job.remoteDir)}`;
      break;
    case 'list':
      action = `ls ${lftpQuote(job.remoteDir)}`;
      break;
  }
  const script = join(ctx.scratchDir, `lftp-${++scratchCounter}.lftp`);
  writeFileSync(script, `${[...settings, open, action].join('\n')}\n`, { mode: 0o600 });
  // LFTP_HOME keeps lftp's history and bookmarks in the scratch folder instead of the user's home.
  return { cmd: 'lftp', args: ['-f', script], env: { ...process.env, LFTP_HOME: join(ctx.scratchDir, 'lftp-home') } };
}

export function commandFor(client: ClientName, ctx: ClientContext, job: Job): Command {
  switch (client) {
    case 'wharf':
      return wharfCommand(ctx, false, job);
    case 'wharf-pinned':
      return wharfCommand(ctx, true, job);
    case 'wharf-segments':
      return wharfCommand(ctx, false, withSegments(ctx, job));
    case 'lftp-pget':
      return lftpCommand(ctx, withSegments(ctx, job));
    case 'wharf-baseline':
      if (!ctx.baselineBundle) throw new Error('wharf-baseline needs --baseline');
      return wharfCommand(ctx, false, job, ctx.baselineBundle);
    case 'curl':
      return curlCommand(ctx, job);
    case 'lftp':
      return lftpCommand(ctx, job);
  }
}

/** The segmented clients run only big downloads, in `ctx.segments` ranges. */
function withSegments(ctx: ClientContext, job: Job): Job {
  if (job.kind !== 'download' || !ctx.segments) throw new Error('segmented clients run big downloads with --segments N');
  return { ...job, segments: ctx.segments };
}
