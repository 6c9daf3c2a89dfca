// Reads values out of an XML file with xmllint's XPath (libxml2), independent of our writers.
import { execFileSync } from 'node:child_process';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]);

/** Values of attributes (`//a/@b`) or text nodes (`//a/b/text()`), in document order; [] when none match. */
export function xpath(file: string, expression: string): string[] {
  let out: string;
  try {
    out = execFileSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    // xmllint exits 10 when the expression matches nothing.
    if ((err as { status?: number }).status === 10) return [];
    throw err;
  }
  if (expression.includes('/@')) return [...out.matchAll(/ [\w:-]+="([^"]*)"/g)].map((m) => unescape(m[1]));
  return out.split('\n').filter((l) => l !== '').map(unescape);
}

export const xpathOne = (file: string, expression: string): string | undefined => xpath(file, expression)[0];
