// `npm start`: installs what is missing, builds when the build is missing or stale, then serves
// on the local backend and says whether everything the backend needs is there.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuild, ensureDependencies, root } from './setup.mjs';

const TAG = 'start';
ensureDependencies(TAG);
ensureBuild(TAG);

// Setup beside the server: synthesise the built-in music once (cached under DATA_DIR/music), so no request waits for it.
spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/make-music.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
}).on('error', (err) => console.error(`[${TAG}] music setup did not run:`, err.message));

const port = process.env.PORT || '3000';
console.log(`[${TAG}] serving on http://localhost:${port} (backend: ${process.env.EDIT_BACKEND || 'local'})`);
const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', port], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

// The same check as GET /api/health, printed once the server answers, so problems show in the terminal too.
async function reportHealth() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      const body = await res.json();
      if (body.ok) console.log(`[${TAG}] ready: ffmpeg ${body.ffmpeg.version} (${body.ffmpeg.source}: ${body.ffmpeg.path})`);
      else for (const problem of body.problems ?? []) console.error(`[${TAG}] problem: ${problem}`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
void reportHealth();
