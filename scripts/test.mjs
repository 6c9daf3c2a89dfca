// `npm test`: installs what is missing (the same step as `npm start`), type-checks, builds once,
// then runs unit, integration and browser tests. Extra arguments go to vitest.
import { ensureBuild, ensureDependencies, ensureSystemCommands, localBin, run } from './setup.mjs';

const TAG = 'test';
ensureDependencies(TAG);
// Browser tests drive Debian's Chromium (no browser download is possible here); tests check our
// outputs with an independent, current ffprobe/ffmpeg rather than the app's own fallback binary.
// The interchange tests check our files with tools independent of our writers: xmllint (Apple's
// FCPXML DTDs) and melt (the MLT engine under Kdenlive and Shotcut). The store tests run against a
// throwaway PostgreSQL cluster too (Debian keeps initdb off PATH, under its major version).
ensureSystemCommands(
  TAG,
  {
    chromium: ['chromium', 'fonts-noto-color-emoji'],
    ffmpeg: 'ffmpeg',
    ffprobe: 'ffmpeg',
    xmllint: 'libxml2-utils',
    melt: 'melt',
    '/usr/lib/postgresql/*/bin/initdb': 'postgresql',
  },
  'the browser tests need Chromium, the output checks a current ffmpeg/ffprobe, the interchange checks xmllint and melt, the store tests PostgreSQL',
);
run(TAG, localBin('tsc'), ['--noEmit']);
if (process.env.SKIP_BUILD !== '1') ensureBuild(TAG, { force: true });
run(TAG, localBin('vitest'), ['run', ...process.argv.slice(2)]);
