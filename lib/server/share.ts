// Read-only share links: a random revocable token per project, the view it shows, and its video file.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { SharedProjectView } from '@/lib/api/schemas';
import { getBackend } from '@/lib/server/context';
import type { BackendContext, ExportFile } from '@/lib/backend/types';
import { LANDSCAPE_CANVAS } from '@/lib/engine/timeline/schema';
import { AppError } from '@/lib/errors';
import { getConfig } from './config';
import { getStore } from './context';
import type { ExportRecord } from '@/lib/store/types';
import { openThumbnail } from './mediaAssets';

/** 18 random bytes = 144 bits, above the 128 the design asks for; base64url keeps it URL-safe. */
const TOKEN_BYTES = 18;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{24,}$/;

/**
 * PUBLIC_BASE_URL when set; otherwise the site as the browser reached us (Next normalises
 * req.url's host, so read the Host header - it only ever goes back to that same browser).
 */
export function publicOrigin(headers: Headers, fallback?: URL): string {
  const base = getConfig().PUBLIC_BASE_URL;
  if (base) return new URL(base).origin;
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? fallback?.host ?? 'localhost';
  const proto = headers.get('x-forwarded-proto') ?? fallback?.protocol.replace(':', '') ?? 'http';
  return `${proto}://${host}`;
}

export function shareUrl(req: Request, token: string): string {
  return new URL(`/share/${token}`, publicOrigin(req.headers, new URL(req.url))).toString();
}

/** Returns the project's share token, minting one the first time so a link already sent keeps working. */
export async function enableSharing(ctx: BackendContext): Promise<string> {
  if (ctx.project.shareToken) return ctx.project.shareToken;
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  await getStore().updateProject(ctx.project.id, { shareToken: token });
  return token;
}

export async function disableSharing(ctx: BackendContext): Promise<void> {
  await getStore().updateProject(ctx.project.id, { shareToken: null });
}

/** The owner's context for a token, or 1002 when the link is unknown or revoked. */
export async function sharedContext(token: string): Promise<BackendContext> {
  const project = TOKEN_PATTERN.test(token) ? await getStore().findProjectByShareToken(token) : null;
  if (!project) throw new AppError(1002, 'This link is not shared (any more).');
  return { ownerId: project.ownerId, project };
}

function latestCompleted(exports: ExportRecord[]): ExportRecord | null {
  const done = exports.filter((e) => e.status === 'completed');
  return done.find((e) => e.quality === 'high') ?? done[0] ?? null;
}

export async function sharedProjectView(token: string): Promise<SharedProjectView> {
  const ctx = await sharedContext(token);
  // What we already hold (the last view, the finished export), never a call to a remote backend.
  const [held, exports] = await Promise.all([getBackend().heldTimeline(ctx), getStore().listExports(ctx.project.id)]);
  const latest = latestCompleted(exports);
  const timeline = held ?? { duration: 0, canvas: LANDSCAPE_CANVAS, summary: 'The timeline has not been shown yet.' };
  return {
    title: ctx.project.title,
    timeline: { duration: timeline.duration, canvas: timeline.canvas, summary: timeline.summary },
    export: latest
      ? {
          ...(latest.width ? { width: latest.width } : {}),
          ...(latest.height ? { height: latest.height } : {}),
          ...(latest.duration ? { duration: latest.duration } : {}),
          ...(latest.size ? { size: latest.size } : {}),
          url: `/api/share/${token}/file`,
        }
      : null,
  };
}

/** The picture a shared link previews with in messengers: the poster of the project's first clip. */
export async function sharedPoster(token: string): Promise<{ size: number; body: ReadableStream<Uint8Array> }> {
  const ctx = await sharedContext(token);
  const media = await getStore().listMediaSummaries(ctx.project.id);
  const first = media.find((m) => m.hasThumbnail && m.probe.kind === 'video') ?? media.find((m) => m.hasThumbnail);
  if (!first) throw new AppError(404, 'This video has no picture yet.');
  return openThumbnail(ctx, first.id);
}

/** The shared export's file and the title to name it by. */
export async function sharedExportFile(token: string): Promise<{ file: ExportFile; title: string }> {
  const ctx = await sharedContext(token);
  const latest = latestCompleted(await getStore().listExports(ctx.project.id));
  if (!latest) throw new AppError(404, 'Nothing has been exported yet.');
  return { file: await getBackend().exportFile(ctx, latest.id), title: ctx.project.title };
}
