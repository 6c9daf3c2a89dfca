// Next.js config: native and binary-shipping packages stay outside the server bundle.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: [
    'better-sqlite3',
    'busboy',
    'pg',
    // The speech model's runtime loads its .wasm from beside its own files.
    'onnxruntime-web',
  ],
  poweredByHeader: false,
  // `npm test` runs tsc over the whole tree first; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Parallel builds (tests, benchmarks) can each use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Uploads stream through route handlers; no body size limit applies to them.
};
export default nextConfig;
