/** Free ports for the servers and their passive ranges, reserved per process. */
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { HOST } from './specs';

/** Ports handed out by this process, so parallel allocations never overlap. */
const reservedPorts = new Set<number>();

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolvePromise(true)));
  });
}

/**
 * Below the kernel's ephemeral range, so no outgoing connection (ours or anyone's) can be sitting on a
 * port a server is about to listen on.
 */
function portWindow(): [number, number] {
  let low = 32768;
  let high = 60999;
  try {
    const parts = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (parts.length === 2 && parts.every(Number.isFinite)) [low, high] = parts as [number, number];
  } catch {
    // Not Linux: keep the defaults.
  }
  if (low - 20000 >= 2000) return [20000, low];
  if (65536 - (high + 1) >= 2000) return [high + 1, 65536];
  return [20000, 65536];
}

/** A free block of `count` consecutive ports, reserved for this process. Returns the first. */
export async function allocatePorts(count: number): Promise<number> {
  const [low, high] = portWindow();
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = randomInt(low, high - count);
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if (ports.some((p) => reservedPorts.has(p))) continue;
    ports.forEach((p) => reservedPorts.add(p));
    const free = await Promise.all(ports.map(portIsFree));
    if (free.every(Boolean)) return base;
    ports.forEach((p) => reservedPorts.delete(p));
  }
  throw new Error(`fleet: found no ${count} free consecutive ports in ${low}-${high}`);
}

export function releasePorts(base: number, count: number): void {
  for (let i = 0; i < count; i++) reservedPorts.delete(base + i);
}
