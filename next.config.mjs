// Next.js config: native and binary-shipping packages stay outside the server bundle.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: [
    'better-sqlite3',
    'busboy',
    'pg',
    'pg-boss',
    // The AWS SDK is large and loads its parts at run time; Node resolves it from node_modules.
    '@aws-sdk/client-s3',
    '@aws-sdk/lib-storage',
    // The speech model's runtime loads its .wasm from beside its own files.
    'onnxruntime-web',
  ],
  poweredByHeader: false,
  // `npm test` runs tsc over the whole tree first; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Parallel builds (tests, benchmarks) can each use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Uploads stream through route handlers; no body size limit applies to them.
  // Pages get their nonce-based CSP from proxy.ts; everything else (API answers, files) gets a
  // policy that lets nothing run, even an uploaded file opened directly from our origin.
  async headers() {
    const everywhere = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'no-referrer' },
      { key: 'X-Frame-Options', value: 'DENY' },
    ];
    return [
      { source: '/:path*', headers: everywhere },
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "sandbox; default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};
export default nextConfig;
