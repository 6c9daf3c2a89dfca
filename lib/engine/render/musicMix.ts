// Background music under the voice: looped, trimmed to its range, faded, ducked under speech, mixed.
import { probedInput } from '@/lib/engine/media/inputArgs';
import type { AudioClip } from '@/lib/engine/timeline/schema';
import { AUDIO_SAMPLE_RATE, sec } from './outputFormat';

export interface MusicInput {
  clip: AudioClip;
  /** Index of the clip's ffmpeg input (opened with -stream_loop -1 when the clip loops). */
  inputIndex: number;
  /** Loudness match to the voice (see musicLevel.ts); the clip's volume applies on top. */
  gain: number;
}

/** Input options for one music clip: looping on the input repeats the file seamlessly, forever. */
export function musicInputArgs(clip: AudioClip, path: string, formatName?: string): string[] {
  const input = formatName ? probedInput(path, formatName) : ['-i', path];
  return clip.loop ? ['-stream_loop', '-1', ...input] : input;
}

/** The clip's span on the output, clamped to the video; null when nothing of it is audible. */
export function musicSpan(clip: AudioClip, durationSeconds: number): { start: number; length: number } | null {
  const end = Math.min(clip.end ?? durationSeconds, durationSeconds);
  const start = Math.min(clip.start, durationSeconds);
  return end - start > 0.01 ? { start, length: end - start } : null;
}

// Ducking: the voice drives a compressor on the music. A low threshold engages on any speech,
// a high ratio pulls the music well under it, and the release lets it swell back in pauses.
const DUCKING = 'threshold=0.02:ratio=10:attack=20:release=400';

/**
 * Sums `count` streams at the levels they come in. amix divides every input by the sum of the
 * weights, and ffmpeg 4.x (the npm fallback binary) has no `normalize=0` to turn that off, so
 * the volume after it multiplies the division back out: an exact sum on 4.x and 5.x alike.
 */
export function sumStreams(count: number): string {
  return `amix=inputs=${count}:duration=first:dropout_transition=0:weights=${Array(count).fill('1').join(' ')},volume=${count}`;
}

/**
 * Mixes music under `[voice]` and outputs `[output]`. Every music clip is padded to the full
 * duration so the sum keeps the voice's exact length, and the sum keeps levels as set.
 * Returns null when no clip is audible (the caller keeps the voice as it is).
 */
export function buildMusicMixFilter(voice: string, music: MusicInput[], durationSeconds: number, output: string): string | null {
  const audible = music.flatMap((m) => {
    const span = musicSpan(m.clip, durationSeconds);
    return span ? [{ ...m, span }] : [];
  });
  if (audible.length === 0) return null;
  const ducked = audible.filter((m) => m.clip.duck);
  const totalSamples = Math.round(durationSeconds * AUDIO_SAMPLE_RATE);
  const keys = ducked.map((_, j) => `duckkey${j}`);
  const parts: string[] = [`[${voice}]asplit=${keys.length + 1}[voicemain]${keys.map((k) => `[${k}]`).join('')}`];

  audible.forEach(({ clip, inputIndex, span, gain }, j) => {
    const fades = fadeLengths(clip, span.length);
    const delayMs = Math.round(span.start * 1000);
    const chain = [
      `[${inputIndex}:a:0]aresample=${AUDIO_SAMPLE_RATE}`,
      'aformat=sample_fmts=fltp:channel_layouts=stereo',
      `atrim=end_sample=${Math.round(span.length * AUDIO_SAMPLE_RATE)}`,
      'asetpts=PTS-STARTPTS',
      `volume=${Math.round(clip.volume * gain * 1e4) / 1e4}`,
      ...(fades.in > 0 ? [`afade=t=in:st=0:d=${sec(fades.in)}`] : []),
      ...(fades.out > 0 ? [`afade=t=out:st=${sec(span.length - fades.out)}:d=${sec(fades.out)}`] : []),
      // One delay per channel of the stereo stream: ffmpeg 4.x's adelay has no `all=1`.
      ...(span.start > 0 ? [`adelay=delays=${delayMs}|${delayMs}`] : []),
      `apad=whole_len=${totalSamples}`,
    ];
    const d = ducked.indexOf(audible[j]);
    if (d >= 0) {
      parts.push(`${chain.join(',')}[music${j}raw]`);
      parts.push(`[music${j}raw][${keys[d]}]sidechaincompress=${DUCKING}[music${j}]`);
    } else {
      parts.push(`${chain.join(',')}[music${j}]`);
    }
  });
  const inputs = ['[voicemain]', ...audible.map((_, j) => `[music${j}]`)].join('');
  parts.push(`${inputs}${sumStreams(audible.length + 1)}[${output}]`);
  return parts.join(';');
}

/** Fades that fit the clip: when both do not fit, they share its length in proportion. */
export function fadeLengths(clip: AudioClip, length: number): { in: number; out: number } {
  const total = clip.fadeInSeconds + clip.fadeOutSeconds;
  if (total <= length) return { in: clip.fadeInSeconds, out: clip.fadeOutSeconds };
  const scale = length / total;
  return { in: clip.fadeInSeconds * scale, out: clip.fadeOutSeconds * scale };
}
