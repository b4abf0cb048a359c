/**
 * Shared by the keychain and site tests: a real keychain store, a check that the keyring session exists,
 * and a child-process runner for the "keychain unavailable" scenarios.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { KeytarCredentialStore, type CredentialStore } from '../../main/credentials/keychain';

/** The repository root, for child processes that load TypeScript through tsx. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Makes sure a real Secret Service answers. Under CI a missing keyring is a failure (run-tests provides
 * one); on a developer machine without one the test is skipped with the reason.
 */
export async function requireKeyring(t: TestContext, store: CredentialStore = new KeytarCredentialStore()): Promise<boolean> {
  const status = await store.isAvailable();
  if (status.available) return true;
  if (process.env.CI === 'true') throw new Error(`The keyring must be available in CI: ${status.reason}`);
  t.skip(`no keyring: ${status.reason}`);
  return false;
}

/**
 * A keychain store that remembers every site id it was given, so a test can delete whatever it saved even
 * when an assertion fails half-way.
 */
export class TrackingCredentialStore implements CredentialStore {
  readonly ids = new Set<string>();
  constructor(private readonly inner: CredentialStore = new KeytarCredentialStore()) {}
  get(siteId: string) {
    return this.inner.get(siteId);
  }
  set(siteId: string, password: string) {
    this.ids.add(siteId);
    return this.inner.set(siteId, password);
  }
  delete(siteId: string) {
    return this.inner.delete(siteId);
  }
  isAvailable() {
    return this.inner.isAvailable();
  }
  /** Deletes every secret this store saved; returns how many were still there. */
  async cleanUp(): Promise<number> {
    let left = 0;
    for (const id of this.ids) if (await this.inner.delete(id).catch(() => false)) left++;
    this.ids.clear();
    return left;
  }
}

/** A fresh temporary folder, removed by the returned function. */
export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `wharf-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** What a child process printed and how it ended. */
export interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to completion (no shell), with the given environment. */
export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<ChildRun> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: repoRoot, env, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** The environment without any session bus or display: what an SSH login or a container looks like. */
export function envWithoutSessionBus(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.XDG_RUNTIME_DIR; // GDBus would otherwise find a systemd user bus at $XDG_RUNTIME_DIR/bus
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

/** The JSON object a child scenario printed on its last stdout line. */
export function lastJson<T>(result: ChildRun): T {
  const lines = result.stdout.trim().split('\n');
  const last = lines[lines.length - 1] ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`child printed no JSON (exit ${result.code}).\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
}
