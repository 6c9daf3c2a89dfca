// `npm start`: installs what is missing, builds when the build is missing or stale, then serves.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules/.package-lock.json');
if (!fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs) {
  console.log('[start] installing dependencies (npm ci)...');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const dist = process.env.NEXT_DIST_DIR || '.next';
const buildId = path.join(root, dist, 'BUILD_ID');
const sourceDirs = ['app', 'components', 'lib', 'public'];
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}
const sourcesChanged = () => {
  const built = fs.statSync(buildId).mtimeMs;
  const files = ['package-lock.json', 'next.config.mjs', 'tsconfig.json', 'postcss.config.mjs', 'instrumentation.ts'];
  const newest = Math.max(
    ...sourceDirs.filter((d) => fs.existsSync(d)).map((d) => newestSource(path.join(root, d))),
    ...files.filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs),
  );
  return newest > built;
};
if (!fs.existsSync(buildId) || sourcesChanged()) {
  console.log('[start] building the app (next build)...');
  run('npx', ['next', 'build']);
}

// Setup beside the server: synthesise the built-in music once (cached under DATA_DIR/music), so no request waits for it.
spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/make-music.ts'], {
  stdio: 'inherit',
  env: process.env,
}).on('error', (err) => console.error('[start] music setup did not run:', err.message));

const port = process.env.PORT || '3000';
console.log(`[start] serving on http://localhost:${port} (backend: ${process.env.EDIT_BACKEND || 'local'})`);
const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', port], {
  stdio: 'inherit',
  env: process.env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
