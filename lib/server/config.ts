// The one place the environment is read: parsed once with zod, frozen, shared.
import 'server-only';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const intFromEnv = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : Number(v)))
    .pipe(z.number().int().positive());

const numberFromEnv = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : Number(v)))
    .pipe(z.number().positive());

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATA_DIR: z.string().default('./data'),
    /** A PostgreSQL URL: the store lives there instead of the SQLite file under DATA_DIR. */
    DATABASE_URL: optionalString.pipe(
      z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL').optional(),
    ),
    /** S3-compatible object storage for media and exports (AWS, MinIO, R2...); unset keeps files under DATA_DIR. */
    S3_BUCKET: optionalString,
    /** The storage's URL when it is not AWS itself (path-style addressing is used then). */
    S3_ENDPOINT: optionalString.pipe(z.string().regex(/^https?:\/\/[^/]/, 'S3_ENDPOINT must be a URL such as http://127.0.0.1:9000').optional()),
    S3_REGION: z.string().default('us-east-1'),
    /** Unset: the AWS SDK's own chain (instance role, AWS_* variables, ~/.aws). */
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    /** With S3 set: this machine's folder for uploads being analysed, renders being written and sources downloaded for ffmpeg (never under DATA_DIR). */
    BLOB_CACHE_DIR: optionalString,
    PORT: intFromEnv(3000),
    /** Unset outside production: a random secret is made on first start and kept in DATA_DIR (lib/server/sessionSecret.ts). */
    SESSION_SECRET: optionalString.pipe(z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional()),
    EDIT_BACKEND: z.enum(['local', 'nemo']).default('local'),
    FFMPEG_PATH: optionalString,
    FFPROBE_PATH: optionalString,
    MAX_UPLOAD_MB: intFromEnv(500),
    RENDER_CONCURRENCY: intFromEnv(1),
    /** "1": this web process renders nothing; `npm run worker` processes take the shared queue's jobs (needs DATABASE_URL). */
    WEB_ONLY: z.enum(['0', '1']).default('0'),
    /** Seconds a render worker may go unheard before its job goes to another worker (the shared queue's heartbeat). */
    RENDER_LEASE_SECONDS: z.string().optional().transform((v) => (v === undefined || v === '' ? 30 : Number(v))).pipe(z.number().int().min(10)),
    /** "0" makes every export encode every frame (no copying of unchanged stretches). */
    FAST_EXPORT: z.enum(['0', '1', 'always']).default('1'),
    /** ffprobe/ffmpeg analysis processes (probe, measure, decode for loudness and speech) at once across all users; more wait in line. */
    ANALYSIS_CONCURRENCY: intFromEnv(2),
    /** Longest upload accepted, checked at probe time (4 hours). */
    MAX_MEDIA_MINUTES: intFromEnv(240),
    /** Most streams (video, audio, subtitle tracks) one upload may hold. */
    MAX_MEDIA_STREAMS: intFromEnv(16),
    URL_IMPORT_TIMEOUT_MS: intFromEnv(120_000),
    /** Lets tests import from a fake server on loopback; never set in production. */
    URL_IMPORT_ALLOW_LOOPBACK: z.enum(['0', '1']).default('0'),
    PUBLIC_BASE_URL: optionalString,
    LLM_BASE_URL: optionalString,
    LLM_MODEL: optionalString,
    LLM_API_KEY: optionalString,
    NEMO_API_BASE: z.string().url().default('https://mega-api-prod.nemovideo.ai'),
    NEMO_TOKEN: optionalString,
    NEMO_POLL_MS: intFromEnv(30_000),
    NEMO_SKILL_PLATFORM: z.enum(['clawhub', 'cursor', 'unknown']).optional(),
    /** Wait before the one retry after NemoVideo answers 429 (the brief says 30 s). */
    NEMO_RETRY_AFTER_MS: intFromEnv(30_000),
    /** Quiet time in a chat turn before a "Still working..." status (the brief says 2 minutes). */
    NEMO_STILL_WORKING_MS: intFromEnv(120_000),
    /** Upper bound of one chat turn (the brief says 15 minutes). */
    NEMO_TURN_TIMEOUT_MS: intFromEnv(900_000),
    /** Where anonymous users register; the link gets ?bind=<id>. */
    NEMO_REGISTER_URL: z.string().url().default('https://nemovideo.ai/register'),
    /** Largest finished NemoVideo render we download and keep (share views and downloads are served from our copy). */
    NEMO_EXPORT_MAX_MB: intFromEnv(4_096),
    /** Marks the deployment as production for cookie and secret rules (next start sets NODE_ENV=production even locally). */
    IN_VIDEO_ENV: z.enum(['development', 'production']).default('development'),
    // Limits that keep one visitor from hurting the others (lib/server/limits).
    /** Largest JSON request body, checked while reading. */
    MAX_JSON_BODY_KB: intFromEnv(64),
    /** Bytes one owner may keep: uploads plus finished exports. */
    QUOTA_STORAGE_MB: intFromEnv(5_000),
    QUOTA_PROJECTS: intFromEnv(50),
    /** Exports one owner may have rendering at once, and waiting in the queue. */
    QUOTA_RENDERS_RUNNING: intFromEnv(1),
    QUOTA_RENDERS_QUEUED: intFromEnv(3),
    QUOTA_URL_IMPORTS: intFromEnv(2),
    QUOTA_CHAT_STREAMS: intFromEnv(2),
    /** Requests per minute, per owner and per client address, for each limited action. */
    RATE_CHAT_PER_MIN: intFromEnv(20),
    RATE_PROJECTS_PER_MIN: intFromEnv(10),
    RATE_UPLOADS_PER_MIN: intFromEnv(30),
    RATE_URL_IMPORTS_PER_MIN: intFromEnv(10),
    /** Whether X-Forwarded-For names the client (only behind a proxy that sets it). */
    TRUST_PROXY: z.enum(['0', '1']).default('0'),
    /** Longest timeline that may be exported, in minutes. */
    MAX_TIMELINE_MINUTES: intFromEnv(60),
    /** A render is stopped after this many times its output duration, plus RENDER_TIME_GRACE_SECONDS for start-up. */
    RENDER_TIME_FACTOR: numberFromEnv(10),
    RENDER_TIME_GRACE_SECONDS: z.string().optional().transform((v) => (v === undefined || v === '' ? 60 : Number(v))).pipe(z.number().min(0)),
    /** Projects of owners who never came back are deleted after this many days untouched. */
    RETENTION_DAYS: intFromEnv(30),
  })
  .superRefine((env, ctx) => {
    if (env.WEB_ONLY === '1' && env.DATABASE_URL === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEB_ONLY'],
        message: 'WEB_ONLY=1 needs DATABASE_URL: without the shared queue nothing else would render the exports',
      });
    }
    if (env.S3_ENDPOINT !== undefined && env.S3_BUCKET === undefined) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'S3_BUCKET must be set when S3_ENDPOINT is' });
    }
    if ((env.S3_ACCESS_KEY_ID === undefined) !== (env.S3_SECRET_ACCESS_KEY === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['S3_SECRET_ACCESS_KEY'], message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together' });
    }
    if (env.IN_VIDEO_ENV === 'production' && env.SESSION_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'SESSION_SECRET must be set to a private value of 32+ characters in production',
      });
    }
  })
  .transform((env) => ({
    ...env,
    DATA_DIR: path.resolve(env.DATA_DIR),
    BLOB_CACHE_DIR: path.resolve(env.BLOB_CACHE_DIR ?? path.join(os.tmpdir(), 'in-video-cache')),
    maxUploadBytes: env.MAX_UPLOAD_MB * 1024 * 1024,
    maxJsonBodyBytes: env.MAX_JSON_BODY_KB * 1024,
    quotaStorageBytes: env.QUOTA_STORAGE_MB * 1024 * 1024,
    isProduction: env.IN_VIDEO_ENV === 'production',
  }));

export type Config = z.infer<typeof configSchema>;

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(result.data);
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
