// Which analyser made a media row's probe, loudness, speech flags, peaks, keyframe index and poster: an upload reuses only rows of this version.

/**
 * Raise by one whenever any of those outputs would come out differently for the same bytes (a new VAD model or
 * window, another loudness or peak measure, a probe field added, a different poster frame): earlier rows then
 * stop being reused and the next upload of the same file is analysed afresh. Rows from before the field
 * existed have no version and are never reused.
 */
export const ANALYSIS_VERSION = 1;
