import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';
import { systemClock, type Clock, type TimerHandle } from './clock';
import { isTooManyConnections, toErrorData } from './retry-policy';
import type { SessionFactory, TransferSession } from './transfer-session';

/** A session lent to one transfer (or one folder walk); give it back with `release`. */
export interface PoolLease {
  readonly session: TransferSession;
  /** Returns the session; `broken` closes it instead (login refused, certificate changed). */
  release(options?: { broken?: boolean }): void;
}

/** What the pool is built with. */
export interface ConnectionPoolOptions {
  readonly openSession: SessionFactory;
  /** The most sessions a site may have at once: the scheduler's current (possibly lowered) concurrency. */
  readonly limitFor: (siteKey: string) => number;
  /** default: the system clock */
  readonly clock?: Clock;
  /** An idle session is closed after this long. default 60000 ms */
  readonly idleTimeoutMs?: number;
}

interface Waiter {
  readonly resolve: (lease: PoolLease) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

interface SitePool {
  readonly idle: TransferSession[];
  busy: number;
  opening: number;
  /** After "too many connections": what the server accepted then, until `resetLimit`. */
  refusedCap: number;
  readonly waiters: Waiter[];
}

/**
 * The transfer sessions of each site, reused from one file to the next so a 2,000-file queue logs in
 * twice, not 2,000 times. One basic-ftp client runs one task at a time, so a session is lent to one
 * transfer at a time; browsing never comes here, so it never waits behind transfers. Never holds more
 * sessions for a site than `limitFor(site)`: a lowered limit closes sessions as they come back.
 */
export class ConnectionPool {
  private readonly openSession: SessionFactory;
  private readonly limitFor: (siteKey: string) => number;
  private readonly clock: Clock;
  private readonly idleTimeoutMs: number;
  private readonly sites = new Map<string, SitePool>();
  private readonly idleTimers = new Map<TransferSession, TimerHandle>();
  private readonly closing = new Set<Promise<void>>();
  private closed = false;

  constructor(options: ConnectionPoolOptions) {
    this.openSession = options.openSession;
    this.limitFor = options.limitFor;
    this.clock = options.clock ?? systemClock;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  }

  /** Lends an idle session, opens a new one within the limit, or waits for one to come back. */
  acquire(siteKey: string, signal?: AbortSignal): Promise<PoolLease> {
    if (this.closed) return Promise.reject(new WharfError('cancelled', t('transfers.queueStopping')));
    if (signal?.aborted) return Promise.reject(new WharfError('cancelled', t('errors.transferCancelled')));
    const site = this.site(siteKey);
    return new Promise<PoolLease>((resolve, reject) => {
      const onAbort = () => {
        const index = site.waiters.indexOf(waiter);
        if (index >= 0) site.waiters.splice(index, 1);
        reject(new WharfError('cancelled', t('errors.transferCancelled')));
      };
      const waiter: Waiter = { resolve, reject, signal, onAbort };
      signal?.addEventListener('abort', onAbort, { once: true });
      site.waiters.push(waiter);
      this.settle(siteKey);
    });
  }

  /**
   * A further session for a transfer that can use one (a range of a segmented download), only if one is free
   * now: an idle one, or room to open one within the limit with nobody waiting. Null otherwise, and when the
   * server refuses the new connection: the transfer goes on with what it has, and waiting transfers come first.
   */
  async tryAcquire(siteKey: string, signal?: AbortSignal): Promise<PoolLease | null> {
    if (this.closed || signal?.aborted) return null;
    const site = this.site(siteKey);
    const limit = Math.min(this.limitFor(siteKey), site.refusedCap);
    if (site.waiters.length > 0) return null;
    if (site.idle.length === 0 && site.busy + site.opening >= limit) return null;
    return this.acquire(siteKey, signal).catch(() => null);
  }

  /** Whether a transfer of the site waits for a session now. */
  hasWaiters(siteKey: string): boolean {
    return this.site(siteKey).waiters.length > 0;
  }

  /** Lifts the cap learned from "too many connections" (the user changed the site's concurrency). */
  resetLimit(siteKey: string): void {
    this.site(siteKey).refusedCap = Number.POSITIVE_INFINITY;
    this.settle(siteKey);
  }

  /** Sessions of a site by what they do, for the log and tests. */
  stats(siteKey: string): { idle: number; busy: number; opening: number; waiting: number } {
    const site = this.site(siteKey);
    return { idle: site.idle.length, busy: site.busy, opening: site.opening, waiting: site.waiters.length };
  }

  /** Closes every session (idle now, busy ones as they come back) and refuses new leases. */
  async close(): Promise<void> {
    this.closed = true;
    for (const [, site] of this.sites) {
      for (const waiter of site.waiters.splice(0)) {
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.reject(new WharfError('cancelled', t('transfers.queueStopping')));
      }
      for (const session of site.idle.splice(0)) this.closeSession(session);
    }
    await Promise.all([...this.closing]);
  }

  /** Closes sessions beyond the limit, serves waiters, and times out what stays idle. */
  private settle(siteKey: string): void {
    const site = this.site(siteKey);
    const limit = Math.min(this.limitFor(siteKey), site.refusedCap);
    while (site.idle.length > 0 && site.busy + site.idle.length + site.opening > limit) {
      this.closeSession(site.idle.shift() as TransferSession);
    }
    this.dispatch(siteKey, site, limit);
    for (const session of site.idle) if (!this.idleTimers.has(session)) this.armIdleTimer(site, session);
  }

  private dispatch(siteKey: string, site: SitePool, limit: number): void {
    while (site.waiters.length > 0) {
      const idle = site.idle.pop();
      if (idle) {
        this.clearIdleTimer(idle);
        this.lend(siteKey, site, idle);
        continue;
      }
      if (site.busy + site.opening >= limit) return;
      site.opening += 1;
      this.openSession(siteKey).then(
        (session) => {
          site.opening -= 1;
          if (this.closed) {
            this.closeSession(session);
            return;
          }
          site.idle.push(session);
          this.settle(siteKey);
        },
        (error: unknown) => {
          site.opening -= 1;
          if (isTooManyConnections(toErrorData(error))) {
            // Hold the site at what the server accepts right now, before the scheduler hears of it,
            // or every session still wanted would be opened and refused in turn.
            site.refusedCap = Math.max(1, site.busy + site.opening);
          }
          // The one who would have got this session learns why; the others keep waiting for the
          // sessions still opening or busy. Opening another one at once would only be refused again
          // ("too many connections" arrives before the scheduler has lowered the limit).
          const waiter = site.waiters.shift();
          if (waiter) {
            waiter.signal?.removeEventListener('abort', waiter.onAbort);
            waiter.reject(error);
          }
          if (site.busy + site.opening === 0) this.settle(siteKey);
        },
      );
      return;
    }
  }

  private lend(siteKey: string, site: SitePool, session: TransferSession): void {
    const waiter = site.waiters.shift() as Waiter;
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    site.busy += 1;
    let released = false;
    waiter.resolve({
      session,
      release: (options = {}) => {
        if (released) return;
        released = true;
        site.busy -= 1;
        if (options.broken || this.closed) this.closeSession(session);
        else site.idle.push(session);
        this.settle(siteKey);
        // Nobody took it over: what it holds for a next transfer (an upload's rename) goes now.
        if (site.idle.includes(session)) session.sendHeldCommands?.();
      },
    });
  }

  private armIdleTimer(site: SitePool, session: TransferSession): void {
    this.clearIdleTimer(session);
    this.idleTimers.set(session, this.clock.setTimeout(() => {
      this.idleTimers.delete(session);
      const index = site.idle.indexOf(session);
      if (index < 0) return;
      site.idle.splice(index, 1);
      this.closeSession(session);
    }, this.idleTimeoutMs));
  }

  private clearIdleTimer(session: TransferSession): void {
    const timer = this.idleTimers.get(session);
    if (timer === undefined) return;
    this.clock.clearTimeout(timer);
    this.idleTimers.delete(session);
  }

  private closeSession(session: TransferSession): void {
    this.clearIdleTimer(session);
    const closing = session.close().catch(() => undefined);
    this.closing.add(closing);
    void closing.finally(() => this.closing.delete(closing));
  }

  private site(siteKey: string): SitePool {
    let site = this.sites.get(siteKey);
    if (!site) {
      site = { idle: [], busy: 0, opening: 0, refusedCap: Number.POSITIVE_INFINITY, waiters: [] };
      this.sites.set(siteKey, site);
    }
    return site;
  }
}
