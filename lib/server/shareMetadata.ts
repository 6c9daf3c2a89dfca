// Open Graph tags for a share link, so messengers preview it with the title, a poster and the video itself.
import 'server-only';
import type { Metadata } from 'next';
import { formatClock } from '@/lib/client/formatting';
import { AppError } from '@/lib/errors';
import { publicOrigin, sharedProjectView } from './share';

export async function sharePageMetadata(token: string, headers: Headers): Promise<Metadata> {
  // A share link must not leak through the Referer of anything the page loads.
  const base: Metadata = { title: 'Shared video · In Video', referrer: 'no-referrer', robots: { index: false } };
  let view;
  try {
    view = await sharedProjectView(token);
  } catch (err) {
    if (err instanceof AppError && err.code === 1002) return base;
    throw err;
  }
  const origin = publicOrigin(headers);
  const at = (p: string) => new URL(p, origin).toString();
  const video = view.export;
  const description = video?.duration ? `A ${formatClock(video.duration)} video made with In Video.` : 'A video made with In Video.';
  return {
    ...base,
    title: `${view.title} · In Video`,
    description,
    openGraph: {
      type: 'video.other',
      siteName: 'In Video',
      title: view.title,
      description,
      url: at(`/share/${token}`),
      images: [{ url: at(`/api/share/${token}/poster`), alt: view.title }],
      ...(video ? { videos: [{ url: at(video.url), type: 'video/mp4', ...(video.width ? { width: video.width } : {}), ...(video.height ? { height: video.height } : {}) }] } : {}),
    },
    twitter: { card: 'summary_large_image', title: view.title, description, images: [at(`/api/share/${token}/poster`)] },
  };
}
