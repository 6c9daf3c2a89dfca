import { NextResponse } from 'next/server';
import { binaries } from '@/lib/engine/ffmpeg/locate';
import { getConfig } from '@/lib/server/config';
import { route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  const { ffmpeg, ffprobe } = binaries();
  return NextResponse.json({
    ok: true,
    backend: getConfig().EDIT_BACKEND,
    ffmpeg: { path: ffmpeg.path, version: ffmpeg.version, source: ffmpeg.source },
    ffprobe: { path: ffprobe.path, version: ffprobe.version, source: ffprobe.source },
  });
});
