/**
 * The permissions dialog's pure side, like FileZilla's "Change file attributes": the nine read/write/
 * execute boxes of owner, group and others and the octal value, each following the other. Listings give
 * `rwxr-x---` (setuid/setgid/sticky as `s`/`S`/`t`/`T`); SITE CHMOD takes the octal `750` or `4750`.
 */

/** Who a box is for, in the order the boxes and the octal digits go. */
export const PERMISSION_CLASSES = ['owner', 'group', 'others'] as const;

/** What a box allows, in the order of the bits of one octal digit. */
export const PERMISSION_KINDS = ['read', 'write', 'execute'] as const;

/** One class of boxes. */
export type PermissionClass = (typeof PERMISSION_CLASSES)[number];

/** One kind of box. */
export type PermissionKind = (typeof PERMISSION_KINDS)[number];

const BIT: Record<PermissionKind, number> = { read: 4, write: 2, execute: 1 };

/** A typed octal mode: three digits, or four with setuid/setgid/sticky first. */
export function isOctalMode(text: string): boolean {
  return /^[0-7]{3,4}$/.test(text);
}

/**
 * The octal mode of a listing's permissions (`rw-r-----` -> `640`, `rwsr-xr-x` -> `4755`), or null when
 * the server gave none or something else (DOS listings, ACL-only servers).
 */
export function octalFromPermissions(permissions: string | null): string | null {
  if (permissions === null) return null;
  // Some listings keep the type character (`-rw-r--r--`, `drwxr-xr-x`).
  const p = permissions.length === 10 ? permissions.slice(1) : permissions;
  if (!/^([r-][w-][xsStT-]){3}$/.test(p)) return null;
  let special = 0;
  const digits = [0, 1, 2].map((i) => {
    const [r, w, x] = [p[i * 3]!, p[i * 3 + 1]!, p[i * 3 + 2]!];
    if (x === 's' || x === 'S') special |= i === 0 ? 4 : 2;
    if ((x === 't' || x === 'T') && i === 2) special |= 1;
    return (r === 'r' ? 4 : 0) + (w === 'w' ? 2 : 0) + (x === 'x' || x === 's' || x === 't' ? 1 : 0);
  });
  return `${special > 0 ? special : ''}${digits.join('')}`;
}

/** Whether a box is ticked in an octal mode; false for a mode that is not (yet) valid. */
export function hasPermission(mode: string, who: PermissionClass, what: PermissionKind): boolean {
  if (!isOctalMode(mode)) return false;
  const digits = mode.slice(-3);
  return (Number(digits[PERMISSION_CLASSES.indexOf(who)]) & BIT[what]) !== 0;
}

/** The mode with one box ticked or cleared; the setuid/setgid/sticky digit is kept. From an invalid mode, 000. */
export function withPermission(mode: string, who: PermissionClass, what: PermissionKind, on: boolean): string {
  const valid = isOctalMode(mode) ? mode : '000';
  const special = valid.length === 4 ? valid[0]! : '';
  const digits = valid.slice(-3).split('').map(Number);
  const index = PERMISSION_CLASSES.indexOf(who);
  digits[index] = on ? digits[index]! | BIT[what] : digits[index]! & ~BIT[what];
  return `${special}${digits.join('')}`;
}

/** `640` -> `rw-r-----`, as the permissions column shows it (special bits as s/S/t/T); '' when invalid. */
export function permissionsFromOctal(mode: string): string {
  if (!isOctalMode(mode)) return '';
  const special = mode.length === 4 ? Number(mode[0]) : 0;
  return mode
    .slice(-3)
    .split('')
    .map((d, i) => {
      const n = Number(d);
      let x = n & 1 ? 'x' : '-';
      const marked = (i === 0 && special & 4) || (i === 1 && special & 2) || (i === 2 && special & 1);
      if (marked) x = i === 2 ? (n & 1 ? 't' : 'T') : n & 1 ? 's' : 'S';
      return `${n & 4 ? 'r' : '-'}${n & 2 ? 'w' : '-'}${x}`;
    })
    .join('');
}
