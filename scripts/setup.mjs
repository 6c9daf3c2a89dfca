// The one setup step `npm start` and `npm test` share: install what is missing, build when stale.
// Each step checks before it acts, so either command can come first and a second run does nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// No network but the package registries here: Next's telemetry would only time out.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

function say(tag, message) {
  console.log(`[${tag}] ${message}`);
}

/** Runs a command in the project folder; exits this process with its status when it fails. */
export function run(tag, cmd, args, env = {}) {
  say(tag, `${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) fail(tag, `${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Like run(), but keeps the command's output to itself unless it fails (apt prints hundreds of lines). */
export function runQuietly(tag, cmd, args, env = {}) {
  say(tag, `${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } });
  if (r.error) fail(tag, `${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) {
    process.stdout.write(r.stdout.split('\n').slice(-40).join('\n'));
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 1);
  }
}

export function fail(tag, message) {
  console.error(`[${tag}] ${message}`);
  process.exit(1);
}

/** A local binary from node_modules/.bin (never `npx`, which would fetch an unrelated package of that name). */
export function localBin(name) {
  return path.join(root, 'node_modules', '.bin', name);
}

/**
 * `npm ci` when node_modules is missing, half-installed or older than the lock file. npm writes
 * node_modules/.package-lock.json last, so an interrupted install is seen as missing.
 */
export function ensureDependencies(tag) {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const fresh = fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (fresh && fs.existsSync(localBin('next'))) return;
  say(tag, 'installing dependencies (npm ci, about 2 minutes the first time)...');
  run(tag, 'npm', ['ci', '--no-audit', '--no-fund']);
}

const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];
const SOURCE_FILES = ['package-lock.json', 'next.config.mjs', 'tsconfig.json', 'postcss.config.mjs', 'instrumentation.ts'];

function newestIn(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function newestSource() {
  return Math.max(
    ...SOURCE_DIRS.map((d) => path.join(root, d)).filter((d) => fs.existsSync(d)).map(newestIn),
    ...SOURCE_FILES.map((f) => path.join(root, f)).filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs),
  );
}

/** `next build` when the build is missing or older than any source; BUILD_ID is written last, so a broken build is rebuilt. */
export function ensureBuild(tag, { force = false } = {}) {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  if (!force && fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= newestSource()) return;
  say(tag, 'building the app (next build, about 1-2 minutes on two cores)...');
  run(tag, localBin('next'), ['build']);
}

function onPath(name) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** An absolute path whose parts may hold one `*` each (Debian keeps PostgreSQL's server off PATH, per version). */
function matchesPath(pattern) {
  let found = ['/'];
  for (const part of pattern.split('/').filter(Boolean)) {
    const re = new RegExp(`^${part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.*')}$`);
    found = found.flatMap((dir) => {
      if (!part.includes('*')) return [path.join(dir, part)];
      try {
        return fs.readdirSync(dir).filter((name) => re.test(name)).map((name) => path.join(dir, name));
      } catch {
        return [];
      }
    });
  }
  return found.some((p) => fs.existsSync(p));
}

/** A command on PATH, or an absolute path (with `*`) to a program off PATH. */
function present(command) {
  return command.startsWith('/') ? matchesPath(command) : onPath(command);
}

/**
 * Debian packages for commands that are missing: installed with apt-get when running as root,
 * otherwise a plain message and a non-zero exit. `needs` maps a command (a name on PATH, or an
 * absolute path that may hold `*`) to its package (or packages).
 */
export function ensureSystemCommands(tag, needs, why) {
  const missing = Object.entries(needs).filter(([command]) => !present(command));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.flatMap(([, pkg]) => pkg))];
  const commands = missing.map(([command]) => command).join(', ');
  const canInstall = process.getuid?.() === 0 && onPath('apt-get');
  if (!canInstall) {
    fail(tag, `${commands} not found; ${why}. Install them (Debian: sudo apt-get install ${packages.join(' ')}) and run this again.`);
  }
  say(tag, `${commands} not found; ${why}. Installing Debian's ${packages.join(', ')} (about 2 minutes the first time)...`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  // Finish any install a previous run was stopped in the middle of, so a second run never sticks.
  runQuietly(tag, 'dpkg', ['--configure', '-a'], env);
  runQuietly(tag, 'apt-get', ['update', '-qq'], env);
  runQuietly(tag, 'apt-get', ['install', '-y', '-qq', ...packages], env);
  const still = missing.filter(([command]) => !present(command)).map(([command]) => command);
  if (still.length > 0) fail(tag, `${still.join(', ')} still not found after installing ${packages.join(' ')}.`);
}
