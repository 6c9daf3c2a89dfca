// `npm test`: type-checks, builds the app once, then runs unit, integration and browser tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const run = (cmd, args, env = {}) => {
  console.log(`\n[test] ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npx', ['tsc', '--noEmit']);
if (process.env.SKIP_BUILD !== '1') run('npx', ['next', 'build']);
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
