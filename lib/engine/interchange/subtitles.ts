// The text track as SRT or WebVTT, timed to the output (titles and captions alike, in time order).
import type { InterchangeEdit } from './cutList';
import { secondsOf } from './rationalTime';

function clock(seconds: number, separator: ',' | '.'): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}

/** Cue text cannot hold a blank line (it would end the cue) nor, in WebVTT, a bare "-->". */
const cueText = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n').replace(/-->/g, '->').trim();

export function writeSrt(edit: InterchangeEdit): string {
  return edit.texts
    .map((c, i) => `${i + 1}\n${clock(secondsOf(c.recordIn, edit.rate), ',')} --> ${clock(secondsOf(c.recordOut, edit.rate), ',')}\n${cueText(c.text)}\n`)
    .join('\n');
}

export function writeVtt(edit: InterchangeEdit): string {
  const cues = edit.texts.map(
    (c) => `${clock(secondsOf(c.recordIn, edit.rate), '.')} --> ${clock(secondsOf(c.recordOut, edit.rate), '.')}${c.position === 'top' ? ' line:10%' : ''}\n${cueText(c.text).replace(/&/g, '&amp;').replace(/</g, '&lt;')}\n`,
  );
  return ['WEBVTT', '', ...cues.map((c) => `${c}`)].join('\n');
}
