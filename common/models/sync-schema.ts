/**
 * The validators of the sync requests (zod), apart from sync.ts so the renderer, which imports its types,
 * never bundles zod. Used by the IPC validators in common/ipc.
 */
import { z } from 'zod';
import { hasControlCharacters } from './site-profile';
import type { SyncCompareRequest, SyncPlanRequest, SyncRunRequest } from './sync';

const idPattern = /^[A-Za-z0-9_-]+$/;
const idSchema = z.string().min(1).max(100).regex(idPattern, 'Not an id.');
const localRootSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !hasControlCharacters(s), 'Paths cannot contain control characters.')
  .refine((s) => s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s) || /^\\\\[^\\]+\\[^\\]+/.test(s), 'An absolute local path is required.');
const remoteRootSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !hasControlCharacters(s), 'Remote paths cannot contain line breaks or control characters.')
  .refine((s) => s.startsWith('/'), 'An absolute remote path (starting with /) is required.');

const compareFields = {
  sessionId: idSchema,
  localRoot: localRootSchema,
  remoteRoot: remoteRootSchema,
  recursive: z.boolean().optional(),
  timezoneOffsetMinutes: z.number().int().min(-24 * 60).max(24 * 60).optional(),
  useHash: z.boolean().optional(),
  sizeOnly: z.boolean().optional(),
};

/** Validators for the sync methods. */
export const syncCompareRequestSchema: z.ZodType<SyncCompareRequest> = z.strictObject(compareFields);
export const syncPlanRequestSchema: z.ZodType<SyncPlanRequest> = z.strictObject({
  ...compareFields,
  direction: z.enum(['up', 'down', 'mirror']),
  delete: z.boolean().optional(),
});
export const syncRunRequestSchema: z.ZodType<SyncRunRequest> = z.strictObject({
  planId: idSchema,
  actionIds: z.array(idSchema).max(100_000).optional(),
});
