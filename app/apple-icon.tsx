import { ImageResponse } from 'next/og';

// The Home Screen icon iOS uses (it ignores the manifest's icons): full square, iOS rounds the corners.
export const size = { width: 180, height: 180 };
export const contentType = 'image/png';

export default function AppleIcon() {
  return new ImageResponse(
    (
      <div style={{ width: 180, height: 180, display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#6d28d9' }}>
        <svg width={100} height={100} viewBox="0 0 32 32">
          <path d="M11 8.5v15l13-7.5z" fill="#fff" transform="translate(-1.5 0)" />
        </svg>
      </div>
    ),
    size,
  );
}
