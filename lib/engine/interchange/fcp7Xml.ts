// Final Cut Pro 7 XML (xmeml version 5) for Premiere Pro and Resolve: frames, a <format>, files with their timecode.
import type { Cut, InterchangeEdit, InterchangeSource, MusicPiece, Placement } from './cutList';
import { framesToTimecode, isNtsc, timecodeBase, type FrameRate } from './rationalTime';
import { relativeFileUrl, xmlEscape as x } from './xmlText';

const rate = (r: FrameRate) => `<rate><timebase>${timecodeBase(r)}</timebase><ntsc>${isNtsc(r) ? 'TRUE' : 'FALSE'}</ntsc></rate>`;

function timecode(frames: number, r: FrameRate, dropFrame = false): string {
  const format = dropFrame ? 'DF' : 'NDF';
  return `<timecode>${rate(r)}<string>${framesToTimecode(frames, r, dropFrame)}</string><frame>${frames}</frame><displayformat>${format}</displayformat></timecode>`;
}

/** The first use of a file defines it; later uses refer to it by id (the format's own rule). */
function fileElement(source: InterchangeSource, ids: Map<InterchangeSource, string>, defined: Set<InterchangeSource>): string {
  const id = ids.get(source)!;
  if (defined.has(source)) return `<file id="${id}"/>`;
  defined.add(source);
  const video = source.hasVideo
    ? `<video><samplecharacteristics>${rate(source.rate)}<width>${source.width ?? 0}</width><height>${source.height ?? 0}</height></samplecharacteristics></video>`
    : '';
  const audio = source.hasAudio ? '<audio><samplecharacteristics><depth>16</depth><samplerate>48000</samplerate></samplecharacteristics><channelcount>2</channelcount></audio>' : '';
  return (
    `<file id="${id}"><name>${x(source.fileName)}</name><pathurl>${x(relativeFileUrl(source.fileName))}</pathurl>` +
    `${rate(source.rate)}<duration>${source.durationFrames}</duration>${timecode(source.startFrame, source.rate, source.dropFrame)}<media>${video}${audio}</media></file>`
  );
}

/** Premiere's "Time Remap" effect: a constant speed in percent. */
function speedFilter(speed: number): string {
  return (
    '<filter><effect><name>Time Remap</name><effectid>timeremap</effectid><effectcategory>motion</effectcategory><effecttype>motion</effecttype><mediatype>video</mediatype>' +
    '<parameter><parameterid>variablespeed</parameterid><name>variablespeed</name><value>0</value></parameter>' +
    `<parameter><parameterid>speed</parameterid><name>speed</name><value>${Math.round(speed * 1e6) / 1e4}</value></parameter>` +
    '<parameter><parameterid>reverse</parameterid><name>reverse</name><value>FALSE</value></parameter>' +
    '<parameter><parameterid>frameblending</parameterid><name>frameblending</name><value>FALSE</value></parameter></effect></filter>'
  );
}

/** "Audio Levels" as a linear gain, with keyframes (sequence frames from the clip's start) for fades. */
function levelFilter(gain: number, keyframes: [number, number][] = []): string {
  const keys = keyframes.map(([when, value]) => `<keyframe><when>${when}</when><value>${value}</value></keyframe>`).join('');
  return (
    '<filter><effect><name>Audio Levels</name><effectid>audiolevels</effectid><effectcategory>audiolevels</effectcategory><effecttype>audiolevels</effecttype><mediatype>audio</mediatype>' +
    `<parameter><parameterid>level</parameterid><name>Level</name><valuemin>0</valuemin><valuemax>3.98109</valuemax><value>${Math.round(gain * 1e4) / 1e4}</value>${keys}</parameter></effect></filter>`
  );
}

interface Item extends Placement {
  id: string;
  name: string;
  filters: string[];
  audio: boolean;
}

/** In/out are frames of the source at its own rate (the clipitem's <rate>); start/end are sequence frames. */
function clipItem(item: Item, file: string): string {
  const track = item.audio ? '<sourcetrack><mediatype>audio</mediatype><trackindex>1</trackindex></sourcetrack>' : '';
  return (
    `<clipitem id="${item.id}"><name>${x(item.name)}</name><enabled>TRUE</enabled><duration>${item.source.durationFrames}</duration>${rate(item.source.rate)}` +
    `<start>${item.recordIn}</start><end>${item.recordOut}</end><in>${item.sourceIn}</in><out>${item.sourceOut}</out>` +
    `${file}${track}${item.filters.join('')}</clipitem>`
  );
}

function cutItem(cut: Cut, k: number, audio: boolean): Item {
  const filters = [...(cut.speed !== 1 ? [speedFilter(cut.speed)] : []), ...(audio && cut.volume !== 1 ? [levelFilter(cut.volume)] : [])];
  return { id: `clipitem-${audio ? 'a' : 'v'}${k + 1}`, name: cut.source.fileName, source: cut.source, recordIn: cut.recordIn, recordOut: cut.recordOut, sourceIn: cut.sourceIn, sourceOut: cut.sourceOut, filters, audio };
}

function musicItem(piece: MusicPiece, k: number): Item {
  const length = piece.recordOut - piece.recordIn;
  const keys: [number, number][] = [];
  if (piece.fadeInFrames > 0) keys.push([0, 0], [piece.fadeInFrames, piece.volume]);
  if (piece.fadeOutFrames > 0) keys.push([length - piece.fadeOutFrames, piece.volume], [length, 0]);
  return { id: `clipitem-m${k + 1}`, name: piece.name, source: piece.source, recordIn: piece.recordIn, recordOut: piece.recordOut, sourceIn: piece.sourceIn, sourceOut: piece.sourceOut, filters: [levelFilter(piece.volume, keys)], audio: true };
}

export function writeFcp7Xml(edit: InterchangeEdit): string {
  const seq = edit.rate;
  const ids = new Map(edit.sources.map((s, i) => [s, `file-${i + 1}`] as const));
  const defined = new Set<InterchangeSource>();
  const items = (list: Item[]) => list.map((item) => clipItem(item, fileElement(item.source, ids, defined))).join('\n');

  const video = items(edit.cuts.filter((c) => c.source.hasVideo).map((c, k) => cutItem(c, k, false)));
  const voice = items(edit.cuts.filter((c) => c.source.hasAudio).map((c, k) => cutItem(c, k, true)));
  const music = items(edit.music.map(musicItem));
  // Titles become sequence markers: Premiere and Resolve do not read FCP7 text generators reliably.
  const markers = edit.texts.map((c) => `<marker><name>${x(c.text)}</name><comment>${c.style}</comment><in>${c.recordIn}</in><out>${c.recordOut}</out></marker>`);
  const format =
    `<format><samplecharacteristics>${rate(seq)}<width>${edit.width}</width><height>${edit.height}</height>` +
    '<anamorphic>FALSE</anamorphic><pixelaspectratio>square</pixelaspectratio><fielddominance>none</fielddominance></samplecharacteristics></format>';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE xmeml>',
    '<xmeml version="5">',
    `<sequence id="sequence-1"><name>${x(edit.title)}</name><duration>${edit.durationFrames}</duration>${rate(seq)}${timecode(0, seq)}`,
    ...markers,
    '<media>',
    `<video>${format}`,
    `<track>\n${video}\n</track>`,
    '</video>',
    '<audio><numOutputChannels>2</numOutputChannels>',
    `<track>\n${voice}\n</track>`,
    ...(music ? [`<track>\n${music}\n</track>`] : []),
    '</audio>',
    '</media>',
    '</sequence>',
    '</xmeml>',
    '',
  ].join('\n');
}
