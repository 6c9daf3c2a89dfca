// The named title styles as words and defaults: what the chat calls them, and where and how big each starts.
import type { TextItem, TitleLook } from './schema';

export const LOOK_NAMES: Record<TitleLook, string> = {
  card: 'bold centre card',
  'lower-third': 'lower third',
  'subtitle-bar': 'subtitle bar',
  minimal: 'minimal',
};

/** Where a look puts its words and how big, unless the request says otherwise. */
export const LOOK_DEFAULTS: Record<TitleLook, Pick<TextItem, 'position' | 'size'>> = {
  card: { position: 'center', size: 'large' },
  'lower-third': { position: 'bottom', size: 'medium' },
  'subtitle-bar': { position: 'bottom', size: 'medium' },
  minimal: { position: 'top', size: 'medium' },
};

/** A new title's look when none is asked for. */
export const DEFAULT_TITLE_LOOK: TitleLook = 'card';

/** "or pick a style: lower third, subtitle bar, minimal" — the looks other than `current`. */
export function otherLooksText(current: TitleLook): string {
  return (Object.keys(LOOK_NAMES) as TitleLook[])
    .filter((l) => l !== current)
    .map((l) => LOOK_NAMES[l])
    .join(', ');
}
