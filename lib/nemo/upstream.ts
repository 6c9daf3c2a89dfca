// Zod schemas for NemoVideo's responses: lenient where its brief is vague, strict on what we use.
import { z } from 'zod';

/** The `{code, message, data}` wrapper most endpoints use; some answer with the bare object. */
export const envelopeSchema = z.looseObject({
  code: z.coerce.number(),
  message: z.string().optional(),
  msg: z.string().optional(),
  data: z.unknown().optional(),
});

const id = z.union([z.string(), z.number()]).transform(String);

/** Fields that may name the account to bind on registration (the brief does not say which). */
const BIND_KEYS = ['bind_id', 'bindId', 'user_id', 'userId', 'uid', 'anonymous_id'] as const;

export function findBindId(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  for (const key of BIND_KEYS) {
    const v = record[key];
    if ((typeof v === 'string' && v !== '' && v !== 'me') || typeof v === 'number') return String(v);
  }
  return undefined;
}

export const anonymousTokenSchema = z.looseObject({
  token: z.string().min(1),
  /** ISO time or epoch (s or ms); absent means the documented 7 days. */
  expires_at: z.union([z.string(), z.number()]).optional(),
  expires_in: z.coerce.number().optional(),
});

export const sessionCreatedSchema = z.looseObject({
  task_id: id,
  session_id: id,
});

export const creditsSchema = z.looseObject({
  available: z.coerce.number(),
  frozen: z.coerce.number().default(0),
  total: z.coerce.number(),
});

export const stateSchema = z.looseObject({
  state: z
    .looseObject({
      draft: z.unknown().optional(),
      video_infos: z.unknown().optional(),
      generated_media: z.unknown().optional(),
    })
    .nullish(),
});

export const renderStatusSchema = z.looseObject({
  id: id.optional(),
  status: z.string().default('queued'),
  /** 0..1 or 0..100; either is accepted. */
  progress: z.coerce.number().optional(),
  output: z.looseObject({ url: z.string().url().optional() }).nullish(),
  error: z.unknown().optional(),
  message: z.string().optional(),
});
export type RenderStatus = z.infer<typeof renderStatusSchema>;
