import { ImageResponse } from 'next/og';

// The app icons the web app manifest lists, drawn at build time from the same mark as app/icon.svg.
export const dynamic = 'force-static';

const SIZES = { '192': { px: 192, maskable: false }, '512': { px: 512, maskable: false }, 'maskable-512': { px: 512, maskable: true } } as const;
type SizeName = keyof typeof SIZES;

export function generateStaticParams() {
  return Object.keys(SIZES).map((size) => ({ size }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ size: string }> }) {
  const { size } = await params;
  const spec = SIZES[size as SizeName];
  if (!spec) return new Response('Not found', { status: 404 });
  return new ImageResponse(<Mark px={spec.px} maskable={spec.maskable} />, { width: spec.px, height: spec.px });
}

/** Maskable icons fill the square and keep the play mark inside the central safe circle (80%). */
function Mark({ px, maskable }: { px: number; maskable: boolean }) {
  const mark = maskable ? px * 0.42 : px * 0.56;
  return (
    <div
      style={{
        width: px,
        height: px,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#6d28d9',
        borderRadius: maskable ? 0 : px * 0.22,
      }}
    >
      <svg width={mark} height={mark} viewBox="0 0 32 32">
        <path d="M11 8.5v15l13-7.5z" fill="#fff" transform="translate(-1.5 0)" />
      </svg>
    </div>
  );
}
