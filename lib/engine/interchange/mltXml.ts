// MLT XML (Kdenlive, Shotcut, and `melt` itself): one playlist per track, positions in frames of the profile rate.
import type { Cut, InterchangeEdit, InterchangeSource, MusicPiece } from './cutList';
import { framesAt, secondsOf, type FrameRate } from './rationalTime';
import { xmlEscape as x } from './xmlText';

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const decibels = (gain: number) => (gain <= 0 ? -60 : Math.round(20 * Math.log10(gain) * 100) / 100);
const property = (name: string, value: string | number) => `    <property name="${name}">${x(String(value))}</property>`;

function profile(edit: InterchangeEdit): string {
  const g = gcd(edit.width, edit.height);
  // Our export carries no colour tags, so players take HD sizes as BT.709 and smaller ones as
  // BT.601; the profile says the same, or MLT would convert and shift every colour.
  const colorspace = Math.min(edit.width, edit.height) >= 720 ? 709 : 601;
  return (
    `  <profile description="${edit.width}x${edit.height} ${Math.round((edit.rate.num / edit.rate.den) * 1000) / 1000} fps" width="${edit.width}" height="${edit.height}" ` +
    `progressive="1" sample_aspect_num="1" sample_aspect_den="1" display_aspect_num="${edit.width / g}" display_aspect_den="${edit.height / g}" ` +
    `frame_rate_num="${edit.rate.num}" frame_rate_den="${edit.rate.den}" colorspace="${colorspace}"/>`
  );
}

/** Producers are keyed by file and speed: MLT plays a faster piece through a `timewarp` producer of its own. */
function producerKey(source: InterchangeSource, speed: number) {
  return `${source.id}@${speed}`;
}

function producer(id: string, source: InterchangeSource, speed: number): string {
  // Relative resources resolve against the MLT file's own folder.
  const service = source.kind === 'image' ? [] : speed === 1 ? [property('mlt_service', 'avformat')] : [property('mlt_service', 'timewarp'), property('warp_speed', speed)];
  const resource = speed === 1 ? source.fileName : `${speed}:${source.fileName}`;
  return [`  <producer id="${id}">`, property('resource', resource), ...service, ...(source.kind === 'image' ? [property('ttl', 1)] : []), '  </producer>'].join('\n');
}

/** The piece's first frame in the producer's own frames (profile rate, after any speed change). */
function entryIn(cut: Cut, rate: FrameRate): number {
  if (cut.source.kind === 'image') return 0;
  return framesAt(secondsOf(cut.sourceIn, cut.source.rate) / cut.speed, rate);
}

function volumeFilter(level: string): string {
  return ['      <filter mlt_service="volume">', `        <property name="level">${level}</property>`, '      </filter>'].join('\n');
}

/** `out` is inclusive in MLT. */
function entry(producerId: string, inFrame: number, length: number, filters: string[] = []): string {
  const open = `    <entry producer="${producerId}" in="${inFrame}" out="${inFrame + length - 1}"`;
  return filters.length === 0 ? `${open}/>` : [`${open}>`, ...filters, '    </entry>'].join('\n');
}

function musicLevel(piece: MusicPiece): string {
  const db = decibels(piece.volume);
  const length = piece.recordOut - piece.recordIn;
  const keys: string[] = [];
  if (piece.fadeInFrames > 0) keys.push('0=-60', `${piece.fadeInFrames}=${db}`);
  if (piece.fadeOutFrames > 0) keys.push(`${length - piece.fadeOutFrames}=${db}`, `${length - 1}=-60`);
  return keys.length > 0 ? keys.join(';') : String(db);
}

export function writeMltXml(edit: InterchangeEdit): string {
  const { rate } = edit;
  const producers = new Map<string, { id: string; source: InterchangeSource; speed: number }>();
  const producerFor = (source: InterchangeSource, speed: number) => {
    const key = producerKey(source, speed);
    if (!producers.has(key)) producers.set(key, { id: `producer${producers.size}`, source, speed });
    return producers.get(key)!.id;
  };

  const videoEntries = edit.cuts.map((cut) =>
    entry(producerFor(cut.source, cut.speed), entryIn(cut, rate), cut.recordOut - cut.recordIn, cut.volume !== 1 && cut.source.hasAudio ? [volumeFilter(String(decibels(cut.volume)))] : []),
  );
  const musicTracks = new Map<string, string[]>();
  const musicCursor = new Map<string, number>();
  for (const piece of edit.music) {
    const lines = musicTracks.get(piece.clipId) ?? [];
    const cursor = musicCursor.get(piece.clipId) ?? 0;
    if (piece.recordIn > cursor) lines.push(`    <blank length="${piece.recordIn - cursor}"/>`);
    lines.push(entry(producerFor(piece.source, 1), piece.sourceIn, piece.recordOut - piece.recordIn, [volumeFilter(musicLevel(piece))]));
    musicTracks.set(piece.clipId, lines);
    musicCursor.set(piece.clipId, piece.recordOut);
  }
  const playlists = [
    ['  <playlist id="video">', ...videoEntries, '  </playlist>'].join('\n'),
    ...[...musicTracks.values()].map((lines, i) => [`  <playlist id="music${i + 1}">`, ...lines, '  </playlist>'].join('\n')),
  ];
  const trackIds = ['video', ...[...musicTracks.keys()].map((_, i) => `music${i + 1}`)];
  const titles = edit.texts.map((cue) =>
    [
      `    <filter mlt_service="dynamictext" in="${cue.recordIn}" out="${cue.recordOut - 1}">`,
      `      <property name="argument">${x(cue.text)}</property>`,
      `      <property name="valign">${cue.position === 'center' ? 'middle' : cue.position}</property>`,
      '      <property name="halign">center</property>',
      '      <property name="fgcolour">#ffffffff</property>',
      `      <property name="size">${Math.round(edit.height / 18)}</property>`,
      '    </filter>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<mlt LC_NUMERIC="C" version="7.0.0" title="${x(edit.title)}" producer="main">`,
    profile(edit),
    ...[...producers.values()].map((p) => producer(p.id, p.source, p.speed)),
    ...playlists,
    `  <tractor id="main" in="0" out="${Math.max(0, edit.durationFrames - 1)}">`,
    '    <multitrack>',
    ...trackIds.map((id, i) => `      <track producer="${id}"${i > 0 ? ' hide="video"' : ''}/>`),
    '    </multitrack>',
    ...trackIds.slice(1).map((_, i) => `    <transition mlt_service="mix" a_track="0" b_track="${i + 1}" always_active="1" sum="1"/>`),
    ...titles,
    '  </tractor>',
    '</mlt>',
    '',
  ].join('\n');
}
