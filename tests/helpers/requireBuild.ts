// Integration and browser tests run the built app: fail loudly when there is no build.
import fs from 'node:fs';
import path from 'node:path';

export default function requireBuild() {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(process.cwd(), dist, 'BUILD_ID'))) {
    throw new Error(`No Next.js build in ${dist}: run "npm run build" first (npm test does it for you).`);
  }
}
