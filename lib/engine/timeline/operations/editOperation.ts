// The edit operations the chat can make: one zod discriminated union, shared by the rule planner and the model planner.
import { z } from 'zod';
import { fitSchema, loudnessTargetSchema, textPositionSchema, textSizeSchema, titleLookSchema } from '../schema';

export const MUSIC_MOODS = ['calm', 'upbeat', 'lofi', 'cinematic', 'happy', 'corporate'] as const;
export const musicMoodSchema = z.enum(MUSIC_MOODS);
export type MusicMood = z.infer<typeof musicMoodSchema>;

export const ASPECTS = { '16:9': [1920, 1080], '9:16': [1080, 1920], '1:1': [1080, 1080], '4:5': [1080, 1350] } as const;
export const aspectSchema = z.enum(['16:9', '9:16', '1:1', '4:5']);
export type Aspect = z.infer<typeof aspectSchema>;

const seconds = z.number().min(0).max(24 * 3600);

/** A clip on the main track, by its file name or its 1-based position (-1 = the last one). */
export const clipRefSchema = z
  .object({
    name: z.string().min(1).optional().describe('file name of the clip, e.g. "b.mp4"'),
    position: z.number().int().optional().describe('1-based position on the main track; -1 means the last clip'),
  })
  .refine((c) => c.name !== undefined || c.position !== undefined, 'name or position is needed');
export type ClipRef = z.infer<typeof clipRefSchema>;

export const pauseSettingsSchema = z.object({
  minPauseSeconds: z.number().min(0.1).max(10).optional().describe('only pauses at least this long are removed (default 0.5)'),
  paddingSeconds: z.number().min(0).max(2).optional().describe('room kept around speech on each side (default 0.15)'),
  belowSpeechDb: z.number().min(6).max(60).optional().describe('how far below the speech level counts as silence (default 27 dB)'),
});

export const editOperationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('removePauses') }).extend(pauseSettingsSchema.shape).describe('Cut pauses/silences out of the speech'),
  z.object({ type: z.literal('trimStart'), seconds: seconds.positive() }).describe('Remove the first N seconds of the video'),
  z.object({ type: z.literal('trimEnd'), seconds: seconds.positive() }).describe('Remove the last N seconds of the video'),
  z.object({ type: z.literal('cutRange'), startSeconds: seconds, endSeconds: seconds }).describe('Remove the part between two output times'),
  z.object({ type: z.literal('keepRange'), startSeconds: seconds, endSeconds: seconds }).describe('Keep only the part between two output times'),
  z.object({ type: z.literal('split'), atSeconds: seconds }).describe('Split the clip at an output time'),
  z
    .object({ type: z.literal('moveClip'), clip: clipRefSchema, to: z.union([z.enum(['start', 'end']), z.number().int().min(1)]) })
    .describe('Move a clip to the start, the end or a 1-based position'),
  z.object({ type: z.literal('deleteClip'), clip: clipRefSchema }).describe('Delete a clip from the main track'),
  z
    .object({
      type: z.literal('addMusic'),
      mood: musicMoodSchema.optional().describe('built-in library track by mood'),
      file: z.string().optional().describe('name of an uploaded audio file to use instead'),
      volume: z.number().min(0).max(1).optional().describe('0..1, default 0.3'),
      duck: z.boolean().optional().describe('lower the music under speech (default true)'),
      fadeInSeconds: z.number().min(0).max(30).optional(),
      fadeOutSeconds: z.number().min(0).max(30).optional(),
    })
    .describe('Add (or replace) background music that loops to cover the video'),
  z.object({ type: z.literal('removeMusic') }).describe('Remove the background music'),
  z
    .object({
      type: z.literal('setVolume'),
      target: z.enum(['music', 'voice']),
      level: z.number().min(0).max(2).optional().describe('absolute level, 1 = original'),
      change: z.enum(['up', 'down', 'mute']).optional().describe('relative change when no level is given'),
    })
    .describe('Change the music or voice volume'),
  z
    .object({
      type: z.literal('addText'),
      text: z.string().min(1).max(1000),
      style: z.enum(['title', 'caption']).optional(),
      startSeconds: seconds.optional(),
      endSeconds: seconds.optional(),
      durationSeconds: z.number().positive().max(3600).optional().describe('default 3 s for a title'),
      anchor: z.enum(['start', 'end']).optional().describe('place at the start or the end of the video'),
      position: textPositionSchema.optional(),
      size: textSizeSchema.optional(),
      look: titleLookSchema.optional().describe('title style: card (bold centre card, the default), lower-third, subtitle-bar, minimal'),
    })
    .describe('Overlay a title or text'),
  z
    .object({
      type: z.literal('editText'),
      match: z.string().optional().describe('words of the text to change; default the latest title'),
      text: z.string().min(1).max(1000).optional(),
      size: z.union([textSizeSchema, z.enum(['bigger', 'smaller'])]).optional(),
      position: textPositionSchema.optional(),
      look: titleLookSchema.optional().describe('title style: card, lower-third, subtitle-bar, minimal'),
      startSeconds: seconds.optional(),
      endSeconds: seconds.optional(),
    })
    .describe('Change a text overlay: words, size, position, style or timing'),
  z
    .object({ type: z.literal('removeText'), which: z.enum(['all', 'titles', 'captions', 'latest']).default('latest'), match: z.string().optional() })
    .describe('Remove text overlays'),
  z.object({ type: z.literal('addCaptions'), file: z.string().optional().describe('uploaded .srt/.vtt (or a file with a subtitle stream)') }).describe('Add captions from a subtitle file'),
  z.object({ type: z.literal('setAspect'), aspect: aspectSchema, fit: fitSchema.optional() }).describe('Change the frame shape'),
  z.object({ type: z.literal('setFit'), fit: fitSchema }).describe('How clips fill a frame of another shape: blurred background, crop or black bars'),
  z
    .object({ type: z.literal('setSpeed'), factor: z.number().min(0.1).max(16), clip: clipRefSchema.optional() })
    .describe('Play the whole video (or one clip) faster or slower'),
  z.object({ type: z.literal('fadeIn'), seconds: z.number().min(0).max(10).default(1) }).describe('Fade in from black at the start'),
  z.object({ type: z.literal('fadeOut'), seconds: z.number().min(0).max(10).default(1) }).describe('Fade out to black at the end'),
  z
    .object({ type: z.literal('setLoudness'), target: loudnessTargetSchema.describe('social: -14 LUFS (default); podcast: -16 LUFS; off: as recorded') })
    .describe('How loud the exported sound is made (loudness normalisation)'),
  z
    .object({ type: z.literal('audioAsVideo'), file: z.string().optional().describe('name of the uploaded audio file; default the latest') })
    .describe('Make a video from an audio upload (a podcast): its sound over the uploaded image or a plain background, with a waveform'),
]);
export type EditOperation = z.infer<typeof editOperationSchema>;
/** An operation's kind ("removePauses"): stored with each timeline version, so machine keys never live in label text. */
export type EditOperationKind = EditOperation['type'];
export const EDIT_OPERATION_KINDS: readonly EditOperationKind[] = editOperationSchema.options.map((o) => o.shape.type.value);
export type EditOperationOf<T extends EditOperation['type']> = Extract<EditOperation, { type: T }>;
