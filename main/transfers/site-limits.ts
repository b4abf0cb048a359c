import { DEFAULT_SITE_CONCURRENCY, MAX_SITE_CONCURRENCY } from '../../common/models/transfer';
import type { RetryOptions } from './retry-policy';

interface SiteState {
  configured: number;
  effective: number;
  blockedUntil: number;
  tooManyStreak: number;
}

/** Clamps a requested per-site concurrency into 1..10. */
export function clampConcurrency(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_SITE_CONCURRENCY;
  return Math.min(MAX_SITE_CONCURRENCY, Math.max(1, Math.floor(value)));
}

/**
 * How many transfers each site may run at once: the configured number, lowered after a server's "too
 * many connections" to what it accepted, with a growing pause before the site is tried again.
 */
export class SiteLimits {
  private readonly sites = new Map<string, SiteState>();

  constructor(
    private readonly defaultConcurrency: number,
    configured: Readonly<Record<string, number>>,
    private readonly log: (text: string) => void,
  ) {
    for (const [siteKey, concurrency] of Object.entries(configured)) {
      const limit = clampConcurrency(concurrency);
      this.sites.set(siteKey, { configured: limit, effective: limit, blockedUntil: 0, tooManyStreak: 0 });
    }
  }

  /** The configured and the current (possibly lowered) concurrency of a site. */
  concurrency(siteKey: string): { configured: number; effective: number } {
    const site = this.site(siteKey);
    return { configured: site.configured, effective: site.effective };
  }

  /** Sets a site's parallel transfers (clamped to 1..10); also lifts a lowered limit. */
  set(siteKey: string, concurrency: number): void {
    const site = this.site(siteKey);
    site.configured = clampConcurrency(concurrency);
    site.effective = site.configured;
  }

  /** Whether one more transfer of the site may start now, `running` of its transfers running. */
  hasRoom(siteKey: string, running: number, now: number): boolean {
    const site = this.site(siteKey);
    return site.blockedUntil <= now && running < site.effective;
  }

  /** A transfer of the site ended without a refusal: the next refusal pauses the site briefly again. */
  succeeded(siteKey: string): void {
    this.site(siteKey).tooManyStreak = 0;
  }

  /**
   * The server refused one more connection while `stillRunning` others of the site run: that many is the
   * limit from now on (at least one), and the site waits longer after each refusal in a row. Returns when
   * the site may be tried again.
   */
  refused(siteKey: string, stillRunning: number, now: number, retry: RetryOptions): number {
    const site = this.site(siteKey);
    const lowered = Math.max(1, Math.min(site.effective, stillRunning));
    if (lowered < site.effective) {
      this.log(`${siteKey}: the server refuses more connections; using ${lowered} at a time`);
    }
    site.effective = lowered;
    const delay = Math.min(retry.maxDelayMs, retry.tooManyConnectionsDelayMs * 2 ** Math.min(site.tooManyStreak, 20));
    site.tooManyStreak += 1;
    site.blockedUntil = Math.max(site.blockedUntil, now + delay);
    return site.blockedUntil;
  }

  private site(siteKey: string): SiteState {
    let site = this.sites.get(siteKey);
    if (!site) {
      site = { configured: this.defaultConcurrency, effective: this.defaultConcurrency, blockedUntil: 0, tooManyStreak: 0 };
      this.sites.set(siteKey, site);
    }
    return site;
  }
}
