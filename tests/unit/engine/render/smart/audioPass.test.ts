import { describe, expect, it } from 'vitest';
import { compileFilterGraph } from '@/lib/engine/render/compileFilterGraph';
import type { RenderPlan } from '@/lib/engine/render/renderPlan';
import { compileAudioGraph } from '@/lib/engine/render/smart/audioPassArgs';
import { MEDIA, timeline } from '../fixtures';

const fonts = { latin: '/f/Inter.ttf', cjk: '/f/Noto.ttf' };
const music = { clip: { id: 'm', name: 'calm', source: { kind: 'library' as const, trackId: 'calm' }, start: 0, end: null, volume: 0.3, duck: true, loop: true, fadeInSeconds: 1, fadeOutSeconds: 2 }, path: '/music/calm.wav', gain: 0.8 };

function plan(patch: Parameters<typeof timeline>[0], withMusic: boolean): RenderPlan {
  return {
    timeline: timeline(patch), media: MEDIA, out: { width: 1920, height: 1080, fps: 30 }, texts: [], fonts,
    music: withMusic ? [music] : [], outputPath: '/x.mp4', background: null, workDir: '/w',
    loudness: { integratedLufs: -14, measured: { input_i: -20, input_tp: -3, input_lra: 5, input_thresh: -30, target_offset: 0 } },
  };
}

/** Chains of the full graph that carry sound only, with the joint concat left out (it also carries the picture). */
const audioChainsOfFullGraph = (p: RenderPlan) =>
  compileFilterGraph(p).split(';').filter((c) => !/:v:0|\[r\d+v|\[v\d|vcat|vout|concat=|\[r\d+(in|fit)\]|^color=/.test(c));

describe('the audio pass of a fast export', () => {
  it.each([
    ['one clip', { video: [{ id: 'a', sourceId: 'talk', in: 0, out: 4 }] }, false],
    ['clips, music, fades', { video: [{ id: 'a', sourceId: 'talk', in: 0, out: 4 }, { id: 'b', sourceId: 'silent', in: 1, out: 3 }], fadeInSeconds: 1, fadeOutSeconds: 1, voiceVolume: 0.8 }, true],
  ])('is the full render\'s sound, chain for chain (%s): a change to the full render\'s audio must reach it too', (_, patch, withMusic) => {
    const p = plan(patch, withMusic);
    const audio = compileAudioGraph(p).split(';').filter((c) => !c.includes('concat='));
    expect(audio.join(';')).not.toMatch(/:v:0|vout|vcat/);
    expect(audio.some((c) => c.includes('loudnorm='))).toBe(true);
    expect(audio).toEqual(audioChainsOfFullGraph(p));
  });
});
