// The knobs of pause removal, with the defaults a talking-head edit wants.
export interface PauseSettings {
  /** Only silent runs at least this long are cut. */
  minPauseSeconds: number;
  /** Kept on each side of speech so words are not clipped. */
  paddingSeconds: number;
  /** Windows this far below the clip's own speech level count as silence. */
  belowSpeechDb: number;
  /** A kept piece shorter than this (a click, a breath) between two cuts is cut too. */
  minKeptSeconds: number;
}

export const DEFAULT_PAUSE_SETTINGS: PauseSettings = {
  minPauseSeconds: 0.5,
  paddingSeconds: 0.15,
  belowSpeechDb: 27,
  minKeptSeconds: 0.2,
};

export function pauseSettings(partial: Partial<PauseSettings> = {}): PauseSettings {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_PAUSE_SETTINGS, ...defined };
}
