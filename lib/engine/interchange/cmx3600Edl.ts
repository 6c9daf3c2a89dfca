// CMX 3600 EDL: one video and one stereo audio event per piece, timecodes only, no free comment lines.
import type { Cut, InterchangeEdit } from './cutList';
import { framesToTimecode, fpsOf } from './rationalTime';

/** CMX titles are printable ASCII; other letters become "_" rather than a line a parser refuses. */
const ascii = (text: string) => text.replace(/[^\x20-\x7e]/g, '_').replace(/\s+/g, ' ').trim();

const num = (n: number) => String(n).padStart(3, '0');

function event(n: number, track: 'V' | 'AA', cut: Cut, recordRate: InterchangeEdit['rate']): string[] {
  const { source } = cut;
  // Source timecode at the source's own rate and counting, as it is burnt into the file.
  const srcIn = framesToTimecode(source.startFrame + cut.sourceIn, source.rate, source.dropFrame);
  const srcOut = framesToTimecode(source.startFrame + cut.sourceOut, source.rate, source.dropFrame);
  const lines = [
    `${num(n)}  AX       ${track.padEnd(5)} C        ${srcIn} ${srcOut} ${framesToTimecode(cut.recordIn, recordRate)} ${framesToTimecode(cut.recordOut, recordRate)}`,
  ];
  // M2: the reel's playback speed in frames per second (negative would be reverse), at the event's source in.
  if (cut.speed !== 1) {
    const speedFps = (Math.round(fpsOf(source.rate) * cut.speed * 10) / 10).toFixed(1).padStart(5, '0');
    lines.push(`M2   AX       ${speedFps.padEnd(20)} ${srcIn}`);
  }
  // "FROM CLIP NAME" is the one comment Premiere, Resolve and Avid write and read: it names the file behind reel AX.
  lines.push(`* FROM CLIP NAME: ${ascii(source.fileName)}`);
  return lines;
}

export function writeCmx3600Edl(edit: InterchangeEdit): string {
  const lines = [`TITLE: ${ascii(edit.title).slice(0, 70) || 'In Video'}`, 'FCM: NON-DROP FRAME', ''];
  let n = 1;
  for (const cut of edit.cuts) {
    if (cut.source.hasVideo) lines.push(...event(n++, 'V', cut, edit.rate), '');
    if (cut.source.hasAudio) lines.push(...event(n++, 'AA', cut, edit.rate), '');
  }
  return `${lines.join('\r\n')}\r\n`;
}
