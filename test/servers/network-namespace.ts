/**
 * A network namespace of its own for one test server, joined to this host by a veth link, so a test can
 * put a firewall (nftables) between the doctor and a real server without touching the host's own rules or
 * anyone else's ports. Everything inside the namespace (its addresses, routes and nftables rules) goes
 * away with `remove()`, which `ip netns del` does in one step; the host end of the veth link goes with it.
 *
 * Needs root and the `ip` (iproute2) and `nft` (nftables) commands, as CI has (.ci/install-system).
 * Namespaces are named `wharf-doctor-<pid>-<n>`: a namespace left by a test process that was killed is
 * removed by the next one that creates a namespace.
 */
import { AsyncResource } from 'node:async_hooks';
import { execFile, execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PREFIX = 'wharf-doctor-';
const live = new Set<string>();
let counter = 0;
let hooksInstalled = false;

/** One namespace: the host reaches `innerAddress`, the namespace reaches this host at `hostAddress`. */
export interface NetworkNamespace {
  readonly name: string;
  /** This host's end of the link (the address the doctor's connections come from). */
  readonly hostAddress: string;
  /** The namespace's end of the link (where a server inside listens). */
  readonly innerAddress: string;
  /** The command prefix that runs a program inside the namespace: `ip netns exec <name>`. */
  readonly exec: readonly string[];
  /**
   * Drops, without any answer, every TCP packet that arrives in the namespace for ports `low`..`high`: a
   * firewall that silently discards, so a client's connect gets no SYN-ACK and no RST and can only time out.
   */
  dropIncomingTcp(low: number, high: number): Promise<void>;
  /**
   * Drops TCP packets for ports `low`..`high` that arrive over the link from this host only: programs inside
   * the namespace (a proxy) still reach them over its loopback, nobody outside does.
   */
  dropTcpFromHost(low: number, high: number): Promise<void>;
  remove(): Promise<void>;
}

/** Runs `fn` in the context this module was loaded in, so node:test attaches `after` to the file, not to a test. */
const inLoadContext = AsyncResource.bind(<T>(fn: () => T): T => fn());

async function installHooks(): Promise<void> {
  if (hooksInstalled) return;
  hooksInstalled = true;
  const { after } = await import('node:test');
  inLoadContext(() =>
    after(async () => {
      await Promise.all([...live].map((name) => deleteNamespace(name)));
    }),
  );
  // A test process that exits before its `after` hooks (an uncaught error) still leaves nothing behind.
  process.on('exit', () => {
    for (const name of live) {
      try {
        execFileSync('ip', ['netns', 'del', name], { stdio: 'ignore' });
      } catch {
        // Already gone.
      }
    }
  });
}

async function deleteNamespace(name: string): Promise<void> {
  await run('ip', ['netns', 'del', name]).catch(() => undefined);
  live.delete(name);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes namespaces of ours whose test process no longer runs (killed before it could clean up). */
async function removeOrphans(): Promise<void> {
  const { stdout } = await run('ip', ['netns', 'list']);
  for (const line of stdout.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const pid = name.startsWith(PREFIX) ? Number(name.slice(PREFIX.length).split('-')[0]) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !processIsAlive(pid)) await run('ip', ['netns', 'del', name]).catch(() => undefined);
  }
}

/**
 * A /30 in 198.18.0.0/15, the range reserved for network tests (RFC 2544), so no real network of a CI
 * machine is shadowed; one that no interface of this host uses yet (other test processes make namespaces too).
 */
async function freeSubnet(): Promise<{ hostAddress: string; innerAddress: string }> {
  const { stdout } = await run('ip', ['-4', '-o', 'addr', 'show']);
  for (let attempt = 0; attempt < 100; attempt++) {
    const prefix = `198.${randomInt(18, 20)}.${randomInt(0, 256)}.`;
    const base = randomInt(0, 64) * 4;
    const pair = { hostAddress: `${prefix}${base + 1}`, innerAddress: `${prefix}${base + 2}` };
    if (!Object.values(pair).some((address) => stdout.includes(` ${address}/`))) return pair;
  }
  throw new Error('network-namespace: no free subnet in 198.18.0.0/15');
}

/** Creates a namespace with a veth link to this host: host `198.18.x.(4k+1)`, namespace `198.18.x.(4k+2)` (or 198.19). */
export async function createNetworkNamespace(): Promise<NetworkNamespace> {
  await installHooks();
  await removeOrphans();
  const name = `${PREFIX}${process.pid}-${++counter}`;
  const { hostAddress, innerAddress } = await freeSubnet();
  // Interface names are limited to 15 characters and must be unique on this host (the inner one only inside).
  const hostLink = `wdoc${process.pid % 100_000}n${counter}`.slice(0, 15);
  await run('ip', ['netns', 'add', name]);
  live.add(name);
  try {
    await run('ip', ['link', 'add', hostLink, 'type', 'veth', 'peer', 'name', 'wharf0', 'netns', name]);
    await run('ip', ['addr', 'add', `${hostAddress}/30`, 'dev', hostLink]);
    await run('ip', ['link', 'set', hostLink, 'up']);
    await run('ip', ['-n', name, 'addr', 'add', `${innerAddress}/30`, 'dev', 'wharf0']);
    await run('ip', ['-n', name, 'link', 'set', 'wharf0', 'up']);
    await run('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  } catch (error) {
    await deleteNamespace(name);
    throw error;
  }
  const exec = ['ip', 'netns', 'exec', name] as const;
  let tables = 0;
  /** One nftables table per call, so rules add up. */
  const applyRules = async (rule: string): Promise<void> => {
    const rules = [`table inet wharf_firewall${tables++ === 0 ? '' : tables} {`, '  chain input {', '    type filter hook input priority 0; policy accept;', `    ${rule}`, '  }', '}', ''].join('\n');
    await new Promise<void>((resolve, reject) => {
      const child = execFile(exec[0], [...exec.slice(1), 'nft', '-f', '-'], (error) => (error ? reject(error) : resolve()));
      child.stdin?.end(rules);
    });
  };
  let removing: Promise<void> | null = null;
  return {
    name,
    hostAddress,
    innerAddress,
    exec,
    async dropIncomingTcp(low: number, high: number) {
      await applyRules(`tcp dport ${low}-${high} drop`);
    },
    async dropTcpFromHost(low: number, high: number) {
      await applyRules(`iifname "wharf0" tcp dport ${low}-${high} drop`);
    },
    remove() {
      removing ??= deleteNamespace(name);
      return removing;
    },
  };
}
