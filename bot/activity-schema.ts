/**
 * The minimum an incoming activity must have before it reaches the adapter. Anything less is
 * answered with 400 and a message naming the missing fields, instead of failing deep inside
 * a turn. Unknown fields pass through: channels add properties all the time.
 */
import { z } from 'zod';
import type { Activity } from 'botbuilder';
import { AppError } from '../shared/errors.ts';

// Ids become URL path segments and log fields: bounded, and never '.', '..' or containing a slash.
const MAX_ID = 1024;
export const SafeId = z
  .string()
  .min(1)
  .max(MAX_ID)
  .refine((v) => v !== '.' && v !== '..' && !/[/\\]/.test(v), { error: "must not be '.' or '..' or contain / or \\" });

const Account = z.looseObject({ id: z.string().min(1).max(MAX_ID), name: z.string().max(MAX_ID).optional() });

export const IncomingActivity = z.looseObject({
  type: z.string().min(1),
  id: SafeId.optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).max(2048),
  conversation: z.looseObject({ id: SafeId, conversationType: z.string().max(64).optional(), tenantId: z.string().max(MAX_ID).optional() }),
  replyToId: SafeId.optional(),
  from: Account.optional(),
  recipient: Account.optional(),
  text: z.string().optional(),
  value: z.unknown().optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  attachments: z.array(z.unknown()).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
});

export function parseActivity(body: unknown): Activity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('BAD_REQUEST', 'The request body must be a JSON object (an activity) sent with Content-Type: application/json.');
  }
  const parsed = IncomingActivity.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(activity)'}: ${i.message}`);
    throw new AppError('BAD_REQUEST', `The activity is malformed: ${fields.join('; ')}.`, { fields });
  }
  return parsed.data as unknown as Activity;
}
