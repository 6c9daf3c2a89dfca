// What we know about an uploaded file after probing it once; stored with the project.
import { z } from 'zod';
import { videoIndexSchema } from './videoIndex';

/** `subtitle` (SRT, WebVTT, ASS files) extends DESIGN.md's three kinds: captions come from them. */
export const mediaKindSchema = z.enum(['video', 'audio', 'image', 'subtitle']);
export type MediaKind = z.infer<typeof mediaKindSchema>;

export const probeResultSchema = z.object({
  kind: mediaKindSchema,
  format: z.string(),
  duration: z.number().min(0),
  /** Display size: after rotation and non-square pixels are applied. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  fps: z.number().nullable(),
  rotation: z.number().default(0),
  hasAudio: z.boolean(),
  hasVideo: z.boolean(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  /**
   * The source's start timecode as the file carries it ("01:00:00:00"; ";" before the frames
   * for drop-frame), so editors relink to the right frames. Optional: files probed before it was read lack it.
   */
  startTimecode: z.string().nullish(),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

/** Speech probability (0..1) per window from the voice activity model. */
export const speechAnalysisSchema = z.object({
  windowSeconds: z.number().positive(),
  probability: z.array(z.number().min(0).max(1)),
});
export type SpeechAnalysis = z.infer<typeof speechAnalysisSchema>;

/** Loudness envelope of the audio: one RMS value in dBFS per window; `speech` is absent for files analysed before the model was used. */
export const audioAnalysisSchema = z.object({
  windowSeconds: z.number().positive(),
  rmsDb: z.array(z.number()),
  speech: speechAnalysisSchema.optional(),
});
export type AudioAnalysis = z.infer<typeof audioAnalysisSchema>;

export const mediaRecordSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  /** Absolute path of the stored file under DATA_DIR. */
  path: z.string(),
  size: z.number().int().min(0),
  probe: probeResultSchema,
  analysis: audioAnalysisSchema.nullable(),
  /** Waveform peaks for the UI, 0..1, a fixed number per second. */
  peaks: z.array(z.number()).nullable(),
  hasThumbnail: z.boolean(),
  createdAt: z.string(),
  /** Keyframes and bitstream facts for fast export; null for non-video media and files stored before it existed. */
  videoIndex: videoIndexSchema.nullish(),
  /** SHA-256 of the file's bytes (hex), taken while it arrived; null for files stored before it was kept. */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/).nullish(),
  /** ANALYSIS_VERSION of the analyser that filled this row; null before versions were kept (never reused). */
  analysisVersion: z.number().int().nullish(),
});
export type MediaRecord = z.infer<typeof mediaRecordSchema>;

/**
 * A media row without its analysis arrays (loudness envelope, speech, peaks, keyframe index): what lists,
 * names, the planner and views need. Read by the store's `listMediaSummaries`, so hot paths never parse the arrays.
 */
export const mediaSummarySchema = mediaRecordSchema.omit({ analysis: true, peaks: true, videoIndex: true, contentSha256: true, analysisVersion: true }).extend({
  /** Whether waveform peaks were stored (the view links to them). */
  hasPeaks: z.boolean(),
});
export type MediaSummary = z.infer<typeof mediaSummarySchema>;

export function mediaSummaryOf(record: MediaRecord): MediaSummary {
  const { analysis: _analysis, peaks, videoIndex: _videoIndex, contentSha256: _sha, analysisVersion: _version, ...rest } = record;
  return { ...rest, hasPeaks: peaks !== null };
}
