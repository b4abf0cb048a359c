import { isIPv4, isIPv6 } from 'node:net';

/** Strips the IPv4-mapped prefix (`::ffff:1.2.3.4`) dual-stack sockets report. */
export function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:/i, '');
}

function octets(ip: string): number[] {
  return ip.split('.').map((part) => Number(part));
}

/** True for loopback addresses (127/8, ::1). */
export function isLoopback(address: string): boolean {
  const ip = normalizeAddress(address);
  if (isIPv4(ip)) return octets(ip)[0] === 127;
  return ip === '::1';
}

/**
 * True for an IPv4 address that cannot be the server's reachable public address: private ranges
 * (RFC 1918), carrier-grade NAT, link-local, loopback, "this network", multicast and reserved.
 * A server behind NAT names one of these in its PASV reply because it sees its own inside address.
 */
export function isPrivateOrUnroutableV4(address: string): boolean {
  const ip = normalizeAddress(address);
  if (!isIPv4(ip)) return false;
  const [a = 0, b = 0] = octets(ip);
  return (
    a === 10 ||
    a === 0 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    a >= 224
  );
}

/** What to do with the address a PASV reply names, given the control connection's peer. */
export type PassiveTargetDecision =
  | { readonly action: 'connect'; readonly host: string }
  | { readonly action: 'substitute'; readonly host: string; readonly announced: string }
  | { readonly action: 'refuse'; readonly announced: string };

/**
 * Decides where a PASV data connection goes. The announced address is used when it is the control
 * host; a private or unroutable one (a server behind NAT) is replaced by the control host; any other
 * public host is refused, since connecting there is how FTP bounce attacks work.
 */
export function decidePassiveTarget(announced: string, controlHost: string): PassiveTargetDecision {
  const control = normalizeAddress(controlHost);
  if (announced === control || (isLoopback(announced) && isLoopback(control))) {
    return { action: 'connect', host: control };
  }
  if (isPrivateOrUnroutableV4(announced)) {
    return { action: 'substitute', host: control, announced };
  }
  return { action: 'refuse', announced };
}

/** True for literal IP addresses of either family (no SNI is sent for those). */
export function isIpAddress(host: string): boolean {
  return isIPv4(host) || isIPv6(host);
}
