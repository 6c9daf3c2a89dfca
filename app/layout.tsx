import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import { QueryProvider } from '@/components/providers/QueryProvider';
import './globals.css';

// Inter ships in node_modules, so the build needs no network for fonts.
const inter = localFont({
  src: [
    { path: '../node_modules/@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf', weight: '400' },
    { path: '../node_modules/@expo-google-fonts/inter/500Medium/Inter_500Medium.ttf', weight: '500' },
    { path: '../node_modules/@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf', weight: '600' },
    { path: '../node_modules/@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf', weight: '700' },
  ],
  variable: '--font-inter',
  display: 'swap',
});

export const metadata: Metadata = {
  title: 'In Video',
  description: 'Upload clips, say what you want, download a 1080p MP4.',
  applicationName: 'In Video',
  // Opened from the Home Screen on iOS: full screen, named like the app.
  appleWebApp: { capable: true, title: 'In Video', statusBarStyle: 'default' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f6f8' },
    { media: '(prefers-color-scheme: dark)', color: '#0c0c11' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh font-sans antialiased">
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
