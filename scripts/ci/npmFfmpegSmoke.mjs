// CI step: `npm start` on a PATH without ffmpeg/ffprobe must find the npm-shipped binaries, and
// an upload + chat edit + 1080p export must work on them. The output is checked with the system
// ffprobe. Usage: node scripts/ci/npmFfmpegSmoke.mjs [path/to/video.mp4]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { root } from '../setup.mjs';

const source = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'media', 'talk-1080p.mp4'));
const MESSAGE = 'cut out the pauses, add background music, and overlay text titles';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-ffmpeg-smoke-'));
const log = (m) => console.log(`[npm-ffmpeg] ${m}`);

function fail(message) {
  console.error(`[npm-ffmpeg] FAILED: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

/** A folder of links to everything in /usr/bin except ffmpeg and ffprobe. */
function pathWithoutFfmpeg() {
  const dir = path.join(tmp, 'bin');
  fs.mkdirSync(dir);
  for (const name of fs.readdirSync('/usr/bin')) {
    if (name === 'ffmpeg' || name === 'ffprobe') continue;
    fs.symlinkSync(path.join('/usr/bin', name), path.join(dir, name));
  }
  return dir;
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(what, fn, timeoutMs) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function main() {
  if (!fs.existsSync(source)) fail(`${source} not found (../shared/media beside the clone)`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PATH: pathWithoutFfmpeg(), PORT: String(port), DATA_DIR: path.join(tmp, 'data'), FFMPEG_PATH: '', FFPROBE_PATH: '' },
  });
  try {
    const health = await waitFor('the server', async () => (await fetch(`${base}/api/health`)).json(), 600_000);
    if (!health.ok) fail(`health: ${JSON.stringify(health)}`);
    if (health.ffmpeg.source !== 'npm' || health.ffprobe.source !== 'npm') fail(`not the npm binaries: ${JSON.stringify(health)}`);
    log(`health names the npm ffmpeg ${health.ffmpeg.version} at ${health.ffmpeg.path}`);

    const created = await fetch(`${base}/api/projects`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Smoke"}' });
    const cookie = created.headers.get('set-cookie').split(';')[0];
    const { project } = await created.json();
    const headers = { cookie };

    const form = new FormData();
    form.append('files', await fs.openAsBlob(source), path.basename(source));
    const up = await fetch(`${base}/api/projects/${project.id}/media`, { method: 'POST', headers, body: form });
    if (up.status !== 201) fail(`upload: ${up.status} ${await up.text()}`);
    log('uploaded');

    const chat = await fetch(`${base}/api/projects/${project.id}/chat`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ message: MESSAGE }),
    });
    const events = (await chat.text()).split('\n').filter((l) => l.startsWith('data:')).map((l) => JSON.parse(l.slice(5)));
    const errors = events.filter((e) => e.type === 'error');
    if (errors.length) fail(`chat: ${JSON.stringify(errors)}`);
    const timeline = events.filter((e) => e.type === 'timeline').at(-1)?.timeline;
    if (!timeline) fail('chat sent no timeline');
    log(`timeline: ${timeline.summary}`);

    const started = await fetch(`${base}/api/projects/${project.id}/exports`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"quality":"high"}',
    });
    const { export: job } = await started.json();
    const done = await waitFor(
      'the export',
      async () => {
        const { export: e } = await (await fetch(`${base}/api/projects/${project.id}/exports/${job.id}`, { headers })).json();
        if (e.status === 'failed' || e.status === 'canceled') fail(`export ${e.status}: ${e.error}`);
        return e.status === 'completed' ? e : null;
      },
      900_000,
    );
    const file = path.join(tmp, 'export.mp4');
    fs.writeFileSync(file, Buffer.from(await (await fetch(`${base}${done.url}`, { headers })).arrayBuffer()));

    const probe = JSON.parse(
      execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { encoding: 'utf8' }),
    );
    const video = probe.streams.find((s) => s.codec_type === 'video');
    const audio = probe.streams.find((s) => s.codec_type === 'audio');
    if (video?.codec_name !== 'h264' || video.width !== 1920 || video.height !== 1080) fail(`video stream: ${JSON.stringify(video)}`);
    if (audio?.codec_name !== 'aac') fail(`audio stream: ${JSON.stringify(audio)}`);
    const duration = Number(probe.format.duration);
    if (Math.abs(duration - timeline.duration) > 0.1) fail(`duration ${duration} s, timeline ${timeline.duration} s`);
    log(`export OK: ${video.width}x${video.height} h264 + aac, ${duration.toFixed(2)} s (timeline ${timeline.duration} s)`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  if (!process.exitCode) console.error('[npm-ffmpeg] FAILED:', err);
  process.exitCode = 1;
});
