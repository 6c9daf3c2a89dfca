import fs from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSileroVad, type SileroVad } from '@/lib/engine/media/speech/sileroVad';
import { createSpeechMeter, SPEECH_WINDOW_SECONDS, type SpeechMeterOptions } from '@/lib/engine/media/speech/speechMeter';
import { mediaFile } from '../../../../helpers/paths';

/** The s16le samples of a 16 kHz mono WAV (what the analysis decode produces), as bytes. */
function wavBytes(name: string): Uint8Array {
  const file = fs.readFileSync(mediaFile(name));
  const data = file.indexOf('data', 12);
  return new Uint8Array(file.buffer, file.byteOffset + data + 8, file.readUInt32LE(data + 4));
}

async function measure(vad: SileroVad, bytes: Uint8Array, pieceBytes: number, options?: SpeechMeterOptions) {
  const meter = createSpeechMeter(vad, options);
  for (let at = 0; at < bytes.length; at += pieceBytes) await meter.push(bytes.subarray(at, at + pieceBytes));
  return meter.finish();
}

const agreement = (a: number[], b: number[]) => a.filter((p, i) => p >= 0.5 === b[i] >= 0.5).length / a.length;

describe('speech meter (Silero VAD v5 in onnxruntime-web)', () => {
  let vad: SileroVad;
  const jfk = wavBytes('jfk-speech.wav');
  beforeAll(async () => {
    vad = await loadSileroVad();
  }, 60_000);

  test('one probability per 32 ms; a speech is mostly speech, digital silence is none', async () => {
    const speech = await measure(vad, jfk, 65536);
    expect(speech.windowSeconds).toBe(SPEECH_WINDOW_SECONDS);
    expect(speech.probability).toHaveLength(Math.ceil(jfk.length / 2 / 512));
    expect(speech.probability.filter((p) => p >= 0.5).length / speech.probability.length).toBeGreaterThan(0.5);
    const silence = await measure(vad, new Uint8Array(16000 * 2 * 3), 65536);
    expect(Math.max(...silence.probability)).toBeLessThan(0.1);
  }, 60_000);

  test('how the decoder splits its output (even mid-sample) changes nothing', async () => {
    const whole = await measure(vad, jfk, jfk.length);
    const pieces = await measure(vad, jfk, 1001);
    expect(pieces).toEqual(whole);
  }, 60_000);

  test('many warmed-up stretches per call agree with one long run on nearly every window', async () => {
    const oneRun = await measure(vad, jfk, 65536, { lanes: 1, laneChunks: 4000, warmupChunks: 0 });
    // 344 windows: two blocks of 4 lanes of 43-64 windows, each warmed up on the 2 s before it (as the defaults do).
    const lanes = await measure(vad, jfk, 65536, { lanes: 4, laneChunks: 64, warmupChunks: 64 });
    expect(lanes.probability).toHaveLength(oneRun.probability.length);
    expect(agreement(lanes.probability, oneRun.probability)).toBeGreaterThan(0.95);
  }, 60_000);
});
