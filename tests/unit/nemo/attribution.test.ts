import { describe, expect, it } from 'vitest';
import packageJson from '@/package.json';
import { attributionHeaders, detectPlatform } from '@/lib/nemo/attribution';

describe('detectPlatform', () => {
  it.each([
    ['/home/ana/.clawhub/skills/in-video', undefined, 'clawhub'],
    ['/home/ana/.cursor/skills/in-video', undefined, 'cursor'],
    ['C:\\Users\\ana\\.cursor\\skills\\in-video', undefined, 'cursor'],
    ['/home/ana/.cursor/projects/in-video', undefined, 'unknown'],
    ['/srv/in-video', undefined, 'unknown'],
    ['/home/ana/.clawhub/skills/in-video', 'unknown', 'unknown'],
    ['/srv/in-video', 'cursor', 'cursor'],
  ] as const)('%s with override %s is %s', (installPath, override, expected) => {
    expect(detectPlatform(installPath, override)).toBe(expected);
  });
});

describe('attributionHeaders', () => {
  it('names the source, the app version from package.json and the platform', () => {
    expect(attributionHeaders('clawhub')).toEqual({
      'X-Skill-Source': 'in-video',
      'X-Skill-Version': packageJson.version,
      'X-Skill-Platform': 'clawhub',
    });
  });
});
