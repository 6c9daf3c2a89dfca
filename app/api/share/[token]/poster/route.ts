import { route } from '@/lib/server/http';
import { sharedPoster } from '@/lib/server/share';

/** The shared link's preview picture (og:image); revoking the link stops it too. */
export const GET = route<{ token: string }>(async (_req, { token }) => {
  const { size, body } = await sharedPoster(token);
  return new Response(body, { headers: { 'content-type': 'image/jpeg', 'content-length': String(size), 'cache-control': 'public, max-age=300' } });
});
