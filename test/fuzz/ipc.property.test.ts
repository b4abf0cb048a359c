/**
 * A property the IPC validators' own tests (test/ipc/validators.test.ts) state case by case: what a
 * validator accepts is safe to hand to a service as it is. Every string field of every method's valid
 * example is replaced, one or several at a time, by hostile text (line breaks, NUL, escape codes,
 * relative paths, `..`); whenever the request is still accepted, no string in the parsed request holds a
 * control character (except the free text of a clipboard, a saved file, an import or a comment), local
 * paths are absolute, remote paths start with "/", and nothing is longer than a path may be.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hasControlCharacters } from '../../common/models/site-profile';
import { WHARF_METHOD_NAMES, type WharfMethod } from '../../common/ipc/contract';
import { MAX_PATH_LENGTH, isAbsoluteLocalPath, validateRequest } from '../../common/ipc/schemas';
import { VALID_REQUESTS } from '../ipc/request-examples';
import { refusedNameError } from '../../main/transfers/local-target';

/** Fields whose text may hold line breaks by design: they are never part of an FTP command or a path. */
const FREE_TEXT = new Set(['text', 'comments']);
/**
 * A download's name is whatever the server listed, passed on as it is (issue #13: the window never builds a
 * request that fails because of a server's name): main's one check refuses an unsafe one per item instead.
 */
const SERVER_NAMES = new Set(['queueEnqueue.name']);
const LOCAL_PATH_KEYS = new Set(['localPath', 'localRoot', 'defaultPath', 'localDir']);
const REMOTE_PATH_KEYS = new Set(['remotePath', 'remoteRoot', 'from', 'to', 'path', 'paths']);
/** C0 controls and DEL, as hasControlCharacters defines them. */
const CONTROL = { test: hasControlCharacters };

type Leaf = { readonly path: readonly (string | number)[]; readonly value: string };

/** Every string leaf of a value with the keys leading to it. */
function stringLeaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function withLeaf(value: unknown, path: readonly (string | number)[], replacement: string): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? withLeaf(v, rest, replacement) : v));
  return { ...(value as Record<string, unknown>), [head]: withLeaf((value as Record<string, unknown>)[head as string], rest, replacement) };
}

/** The nearest object key above a leaf (an array index is skipped: `paths[0]` is a `paths` leaf). */
function keyOf(leaf: Leaf): string {
  for (let i = leaf.path.length - 1; i >= 0; i--) if (typeof leaf.path[i] === 'string') return leaf.path[i] as string;
  return '';
}

const hostile = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '/pub/a\r\nDELE /important', 'x\nPASS y', '/a\u0000b', '\u001b[2J', 'relative/path', '../etc/passwd', '/..', 'C:\\Users\\x\r\n', 'https://example.com/\n',
    'https://exa\tmple.com/', '/ok/path', 'C:relative', '\\\\server\\share\\x', `/${'a'.repeat(5000)}`, '', ' ', 'ok', '\u202e', 'SITE HELP\rDELE x',
  ),
);

test('whatever a validator accepts is safe to use as it is (property)', () => {
  const cases = WHARF_METHOD_NAMES.filter((m) => stringLeaves(VALID_REQUESTS[m]).length > 0);
  fc.assert(
    fc.property(
      fc.constantFrom(...cases).chain((method) => {
        const leaves = stringLeaves(VALID_REQUESTS[method]);
        return fc.tuple(fc.constant(method), fc.uniqueArray(fc.nat({ max: leaves.length - 1 }), { minLength: 1, maxLength: leaves.length }), fc.array(hostile, { minLength: leaves.length, maxLength: leaves.length }));
      }),
      ([method, indexes, replacements]) => {
        const leaves = stringLeaves(VALID_REQUESTS[method as WharfMethod]);
        let request: unknown = VALID_REQUESTS[method as WharfMethod];
        indexes.forEach((index, i) => {
          request = withLeaf(request, (leaves[index] as Leaf).path, replacements[i] as string);
        });
        const result = validateRequest(method as WharfMethod, request);
        if (!result.ok) return;
        for (const leaf of stringLeaves(result.value)) {
          const key = keyOf(leaf);
          const where = `${method}.${leaf.path.join('.')} = ${JSON.stringify(leaf.value).slice(0, 80)}`;
          if (SERVER_NAMES.has(`${method}.${key}`)) {
            if (CONTROL.test(leaf.value)) assert.ok(refusedNameError(leaf.value, '/home/user/Downloads') !== null, `${where}: main would write a name with a control character`);
            continue;
          }
          if (!FREE_TEXT.has(key)) assert.ok(!CONTROL.test(leaf.value), `${where}: a control character was accepted`);
          if (LOCAL_PATH_KEYS.has(key) && leaf.value !== '' && key !== 'localDir') assert.ok(isAbsoluteLocalPath(leaf.value), `${where}: a relative local path`);
          if (REMOTE_PATH_KEYS.has(key)) assert.ok(leaf.value.length <= MAX_PATH_LENGTH, `${where}: too long`);
        }
      },
    ),
    { numRuns: 4000 },
  );
});
