import { describe, expect, it } from 'vitest';
import { measureLevelArgs, musicGain, parseRmsLevel, speechLevelDb } from '@/lib/engine/render/musicLevel';

const analysis = (rmsDb: number[]) => ({ windowSeconds: 0.01, rmsDb });

describe('music loudness relative to the voice', () => {
  it('speech level ignores pauses and quiet room noise', () => {
    const speech = Array(100).fill(-20);
    const pause = Array(100).fill(-70);
    expect(speechLevelDb([{ analysis: analysis([...speech, ...pause, ...speech]), in: 0, out: 3 }])).toBe(-20);
  });

  it('only counts the source ranges on the timeline', () => {
    const a = analysis([...Array(100).fill(-30), ...Array(100).fill(-10)]);
    expect(speechLevelDb([{ analysis: a, in: 0, out: 1 }])).toBe(-30);
    expect(speechLevelDb([{ analysis: a, in: 1, out: 2 }])).toBe(-10);
  });

  it('has no level for silence', () => {
    expect(speechLevelDb([{ analysis: analysis(Array(50).fill(-100)), in: 0, out: 0.5 }])).toBeNull();
    expect(speechLevelDb([])).toBeNull();
  });

  it.each([
    [-20, -14, 0.5012],
    [-26, -20, 0.5012],
    [null, -26, 1.9953],
    [-20, null, 1],
    [-20, -80, 19.9526],
  ])('voice %s dB, music %s dB: gain %s', (voice, music, gain) => {
    expect(musicGain(voice, music)).toBe(gain);
  });

  it("reads astats' overall RMS", () => {
    expect(parseRmsLevel('[Parsed_astats_0 @ 0x1] Overall\n[Parsed_astats_0 @ 0x1] RMS level dB: -18.116640\n')).toBe(-18.11664);
    expect(parseRmsLevel('RMS level dB: -inf')).toBeNull();
  });

  it('measures with plain astats (ffmpeg 4.x has no measure_overall) and picks Overall after the channels', () => {
    expect(measureLevelArgs('/m/song.wav', 'wav')).toEqual(['-t', '180', '-protocol_whitelist', 'file', '-f', 'wav', '-i', '/m/song.wav', '-vn', '-af', 'astats', '-f', 'null', '-']);
    const report = [
      '[Parsed_astats_0 @ 0x1] Channel: 1',
      '[Parsed_astats_0 @ 0x1] RMS level dB: -13.900000',
      '[Parsed_astats_0 @ 0x1] Channel: 2',
      '[Parsed_astats_0 @ 0x1] RMS level dB: -15.100000',
      '[Parsed_astats_0 @ 0x1] Overall',
      '[Parsed_astats_0 @ 0x1] Peak level dB: -1.000000',
      '[Parsed_astats_0 @ 0x1] RMS level dB: -14.364931',
    ].join('\n');
    expect(parseRmsLevel(report)).toBe(-14.364931);
  });
});
