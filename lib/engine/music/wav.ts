// Encodes stereo float samples as a 16-bit PCM WAV file (RIFF, little-endian, interleaved).
import type { Bus } from './synth/bus';

export function encodeWav(bus: Bus, sampleRate: number): Buffer {
  const frames = bus.left.length;
  const dataBytes = frames * 4;
  const out = Buffer.alloc(44 + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(2, 22); // channels
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 4, 28); // byte rate
  out.writeUInt16LE(4, 32); // block align
  out.writeUInt16LE(16, 34); // bits per sample
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  // A DataView writes little-endian on any host and is much faster than Buffer.writeInt16LE per sample.
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let i = 0; i < frames; i++) {
    view.setInt16(44 + i * 4, toPcm(bus.left[i]), true);
    view.setInt16(46 + i * 4, toPcm(bus.right[i]), true);
  }
  return out;
}

function toPcm(x: number): number {
  return Math.round(Math.max(-1, Math.min(1, x)) * 32767);
}

/** Reads back what encodeWav wrote (tests and analysis). */
export function decodeWav(file: Buffer): { sampleRate: number; channels: number; left: Float32Array; right: Float32Array } {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  const channels = file.readUInt16LE(22);
  const sampleRate = file.readUInt32LE(24);
  const dataBytes = file.readUInt32LE(40);
  const frames = dataBytes / (2 * channels);
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    left[i] = file.readInt16LE(44 + i * 2 * channels) / 32767;
    right[i] = file.readInt16LE(44 + i * 2 * channels + 2 * (channels - 1)) / 32767;
  }
  return { sampleRate, channels, left, right };
}
