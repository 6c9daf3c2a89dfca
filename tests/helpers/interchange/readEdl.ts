// Reads a CMX 3600 EDL per the CMX 3600 specification: event lines, M2 speed lines, clip-name notes.
import type { ReadCut } from './cutListReading';
import { smpteFrames } from './cutListReading';

const TC = '(\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d)';
const EVENT = new RegExp(`^(\\d{3,6})\\s+(\\S+)\\s+(V|A|A2|AA|B|AA/V)\\s+(C)\\s+${TC}\\s+${TC}\\s+${TC}\\s+${TC}\\s*$`);
const M2 = new RegExp(`^M2\\s+(\\S+)\\s+(-?\\d+(?:\\.\\d+)?)\\s+${TC}\\s*$`);

export interface EdlEvent {
  number: number;
  reel: string;
  track: string;
  clipName: string | null;
  sourceIn: string;
  sourceOut: string;
  recordIn: string;
  recordOut: string;
  /** Reel speed in frames per second from an M2 line, or null. */
  m2Fps: number | null;
}

/** Strict: every line must be a header, an event, an M2, a known note or blank, as picky importers demand. */
export function parseEdl(text: string): { title: string; fcm: string; events: EdlEvent[] } {
  const lines = text.split(/\r\n/);
  if (lines[lines.length - 1] !== '') throw new Error('an EDL ends with CRLF');
  let title = '';
  let fcm = '';
  const events: EdlEvent[] = [];
  for (const line of lines.slice(0, -1)) {
    let m: RegExpExecArray | null;
    if (line.startsWith('TITLE: ')) title = line.slice(7);
    else if (line.startsWith('FCM: ')) fcm = line.slice(5);
    else if ((m = EVENT.exec(line))) events.push({ number: Number(m[1]), reel: m[2], track: m[3], clipName: null, sourceIn: m[5], sourceOut: m[6], recordIn: m[7], recordOut: m[8], m2Fps: null });
    else if ((m = M2.exec(line))) events[events.length - 1].m2Fps = Number(m[2]);
    else if (line.startsWith('* FROM CLIP NAME: ')) events[events.length - 1].clipName = line.slice(18);
    else if (line.trim() !== '') throw new Error(`not a CMX 3600 line: ${JSON.stringify(line)}`);
    if (/[^\x20-\x7e]/.test(line)) throw new Error(`non-ASCII in ${JSON.stringify(line)}`);
  }
  return { title, fcm, events };
}

/** The video events as a cut list; source timecodes are read at each file's own rate and its start taken off. */
export function readEdlCuts(text: string, sequenceFps: number, sources: Record<string, { fps: number; startTimecode: string | null }>): ReadCut[] {
  return parseEdl(text).events.filter((e) => e.track === 'V').map((e) => {
    const src = sources[e.clipName ?? ''];
    if (!src) throw new Error(`event ${e.number} names no known clip (${e.clipName})`);
    const start = src.startTimecode ? smpteFrames(src.startTimecode, src.fps) : 0;
    return {
      file: e.clipName!,
      recordIn: smpteFrames(e.recordIn, sequenceFps) / sequenceFps,
      recordOut: smpteFrames(e.recordOut, sequenceFps) / sequenceFps,
      sourceIn: (smpteFrames(e.sourceIn, src.fps) - start) / src.fps,
      sourceOut: (smpteFrames(e.sourceOut, src.fps) - start) / src.fps,
      speed: e.m2Fps === null ? 1 : e.m2Fps / src.fps,
    };
  });
}
