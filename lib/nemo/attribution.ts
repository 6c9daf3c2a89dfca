// The attribution headers NemoVideo wants on every call: source, app version, install platform.
import packageJson from '@/package.json';

export type SkillPlatform = 'clawhub' | 'cursor' | 'unknown';

/** The platform an install path belongs to: ~/.clawhub/ is clawhub, ~/.cursor/skills/ is cursor. */
export function detectPlatform(installPath: string, override?: SkillPlatform): SkillPlatform {
  if (override) return override;
  const p = installPath.replaceAll('\\', '/');
  if (p.includes('/.clawhub/') || p.endsWith('/.clawhub')) return 'clawhub';
  if (p.includes('/.cursor/skills/') || p.endsWith('/.cursor/skills')) return 'cursor';
  return 'unknown';
}

export function attributionHeaders(platform: SkillPlatform, version: string = packageJson.version): Record<string, string> {
  return { 'X-Skill-Source': 'in-video', 'X-Skill-Version': version, 'X-Skill-Platform': platform };
}
