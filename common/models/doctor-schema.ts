/**
 * The validator of doctor requests (zod), apart from doctor.ts, whose step names and titles the renderer
 * imports without bundling zod. Used by the IPC validators and the doctor's tests.
 */
import { z } from 'zod';
import type { DoctorRequest } from './doctor';
import { hasControlCharacters } from './site-profile';
import { hostSchema, passwordSchema, portSchema } from './site-profile-schema';

const runIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'Not an id.');

/** The validator for `doctorRun` (strict objects, bounded strings, no control characters). */
export const doctorRequestSchema: z.ZodType<DoctorRequest> = z.union([
  z.strictObject({
    kind: z.literal('site'),
    siteId: runIdSchema,
    password: passwordSchema.optional(),
    runId: runIdSchema.optional(),
  }),
  z
    .strictObject({
      kind: z.literal('quick'),
      host: hostSchema,
      port: portSchema.optional(),
      mode: z.enum(['explicit', 'implicit', 'plain']).optional(),
      user: z.string().max(256).refine((s) => !hasControlCharacters(s), 'A user name cannot contain line breaks.'),
      password: passwordSchema,
      minTlsVersion: z.enum(['TLSv1.2', 'TLSv1.3']).optional(),
      allowPlain: z.boolean().optional(),
      allowClearData: z.boolean().optional(),
      remoteDir: z.string().max(4096).refine((s) => !hasControlCharacters(s), 'Remote paths cannot contain line breaks.').optional(),
      runId: runIdSchema.optional(),
    })
    .refine((q) => q.mode !== 'plain' || q.allowPlain === true, 'Plain FTP sends the password unencrypted: allowPlain must be true.'),
]);
