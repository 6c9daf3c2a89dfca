import type { MetadataRoute } from 'next';

// "Add to Home Screen" opens In Video like an app: its own window, its icon, the home page first.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'In Video',
    short_name: 'In Video',
    description: 'Upload clips, say what you want, download a 1080p MP4.',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#f6f6f8',
    theme_color: '#6d28d9',
    categories: ['video', 'productivity'],
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icons/192', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/512', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
