// FCPXML 1.10 / 1.11 (Final Cut Pro 10.6+, DaVinci Resolve 18+): rational times, assets with their start timecode.
import type { Cut, InterchangeEdit, InterchangeSource, MusicPiece, TextCue } from './cutList';
import { addRational, fcpxTime, framesToRational, mulRational, rational, type FrameRate, type Rational } from './rationalTime';
import { relativeFileUrl, xmlEscape as x } from './xmlText';

export type FcpxmlVersion = '1.10' | '1.11';

// Final Cut's own "Basic Title"; Resolve maps it to a Text+ title.
const BASIC_TITLE_UID = '.../Titles.localized/Bumper:Opener.localized/Basic Title.localized/Basic Title.moti';
const TITLE_FONT_SIZE = { small: 40, medium: 60, large: 80, xlarge: 110 } as const;
// Basic Title's position is in pixels of a 1080-high frame from the centre; y grows upwards.
const TITLE_Y = { top: 0.35, center: 0, bottom: -0.35 } as const;

const t = (frames: number, rate: FrameRate) => fcpxTime(framesToRational(frames, rate));
const decibels = (gain: number) => (gain <= 0 ? '-96dB' : `${(Math.round(20 * Math.log10(gain) * 100) / 100).toString()}dB`);

interface Ids {
  sequenceFormat: string;
  formats: Map<InterchangeSource, string>;
  assets: Map<InterchangeSource, string>;
  title: string;
}

function resources(edit: InterchangeEdit, ids: Ids): string[] {
  const lines = [`    <format id="${ids.sequenceFormat}" frameDuration="${t(1, edit.rate)}" width="${edit.width}" height="${edit.height}"/>`];
  for (const source of edit.sources) {
    if (source.hasVideo) {
      const size = source.width && source.height ? ` width="${source.width}" height="${source.height}"` : '';
      lines.push(`    <format id="${ids.formats.get(source)}" frameDuration="${t(1, source.rate)}"${size}/>`);
    }
  }
  for (const source of edit.sources) {
    const format = source.hasVideo ? ids.formats.get(source)! : ids.sequenceFormat;
    lines.push(
      `    <asset id="${ids.assets.get(source)}" name="${x(source.fileName)}" start="${t(source.startFrame, source.rate)}" ` +
        `duration="${t(source.durationFrames, source.rate)}" hasVideo="${source.hasVideo ? 1 : 0}" format="${format}" ` +
        `hasAudio="${source.hasAudio ? 1 : 0}"${source.hasAudio ? ' audioSources="1" audioChannels="2" audioRate="48000"' : ''}>`,
      `      <media-rep kind="original-media" src="${x(relativeFileUrl(source.fileName))}"/>`,
      '    </asset>',
    );
  }
  if (edit.texts.length > 0) {
    lines.push(`    <effect id="${ids.title}" name="Basic Title" uid="${BASIC_TITLE_UID}"/>`);
  }
  return lines;
}

/** A spine clip's local timeline starts at its first source frame, in the asset's own time. */
function clipStart(cut: Cut): Rational {
  return framesToRational(cut.source.startFrame + cut.sourceIn, cut.source.rate);
}

/** Where a sequence frame falls on the local timeline of the spine clip it is anchored to. */
function anchorOffset(parent: Cut, frame: number, rate: FrameRate): Rational {
  return addRational(clipStart(parent), framesToRational(frame - parent.recordIn, rate));
}

function musicClip(piece: MusicPiece, parent: Cut, edit: InterchangeEdit, ids: Ids): string[] {
  const { rate } = edit;
  const start = framesToRational(piece.source.startFrame + piece.sourceIn, piece.source.rate);
  const fades = [
    ...(piece.fadeInFrames > 0 ? [`          <fadeIn type="linear" duration="${t(piece.fadeInFrames, rate)}"/>`] : []),
    ...(piece.fadeOutFrames > 0 ? [`          <fadeOut type="linear" duration="${t(piece.fadeOutFrames, rate)}"/>`] : []),
  ];
  const volume =
    fades.length > 0
      ? [`        <adjust-volume amount="${decibels(piece.volume)}">`, '          <param name="amount">', ...fades.map((f) => `  ${f}`), '          </param>', '        </adjust-volume>']
      : [`        <adjust-volume amount="${decibels(piece.volume)}"/>`];
  return [
    `      <asset-clip ref="${ids.assets.get(piece.source)}" lane="-1" offset="${fcpxTime(anchorOffset(parent, piece.recordIn, rate))}" ` +
      `name="${x(piece.name)}" start="${fcpxTime(start)}" duration="${t(piece.recordOut - piece.recordIn, rate)}" audioRole="music">`,
    ...volume,
    '      </asset-clip>',
  ];
}

function titleClip(cue: TextCue, index: number, parent: Cut, edit: InterchangeEdit, ids: Ids): string[] {
  const style = `ts${index + 1}`;
  const y = Math.round(TITLE_Y[cue.position] * edit.height);
  return [
    `      <title ref="${ids.title}" lane="${cue.style === 'caption' ? 2 : 1}" offset="${fcpxTime(anchorOffset(parent, cue.recordIn, edit.rate))}" ` +
      `name="${x(cue.text.replace(/\s+/g, ' ').slice(0, 60))}" start="0s" duration="${t(cue.recordOut - cue.recordIn, edit.rate)}">`,
    `        <param name="Position" key="9999/999166631/999166633/1/100/101" value="0 ${y}"/>`,
    `        <text><text-style ref="${style}">${x(cue.text)}</text-style></text>`,
    `        <text-style-def id="${style}"><text-style font="Helvetica" fontSize="${TITLE_FONT_SIZE[cue.size]}" fontColor="1 1 1 1" alignment="center"/></text-style-def>`,
    '      </title>',
  ];
}

function spineClip(cut: Cut, edit: InterchangeEdit, ids: Ids, anchored: string[]): string[] {
  const { rate } = edit;
  const start = clipStart(cut);
  const duration = framesToRational(cut.recordOut - cut.recordIn, rate);
  const retimed = cut.speed !== 1;
  // A linear timeMap from the clip's first frame to its end: local time runs at timeline speed
  // while the source advances exactly `speed` times faster (so editors show 200 %, not 197.9 %).
  const speed = rational(Math.round(cut.speed * 10000), 10000);
  const timeMap = retimed
    ? [
        '      <timeMap>',
        `        <timept time="${fcpxTime(start)}" value="${fcpxTime(start)}" interp="linear"/>`,
        `        <timept time="${fcpxTime(addRational(start, duration))}" value="${fcpxTime(addRational(start, mulRational(duration, speed)))}" interp="linear"/>`,
        '      </timeMap>',
      ]
    : [];
  const volume = cut.source.hasAudio && cut.volume !== 1 ? [`      <adjust-volume amount="${decibels(cut.volume)}"/>`] : [];
  const body = [...timeMap, ...volume, ...anchored];
  const open =
    `      <asset-clip ref="${ids.assets.get(cut.source)}" offset="${t(cut.recordIn, rate)}" name="${x(cut.source.fileName)}" ` +
    `start="${fcpxTime(start)}" duration="${fcpxTime(duration)}" tcFormat="${cut.source.dropFrame ? 'DF' : 'NDF'}"`;
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body.map((l) => `  ${l}`), '      </asset-clip>'];
}

/** The cut whose span holds `frame` (the last one for the very end), where music and titles anchor. */
function parentAt(cuts: Cut[], frame: number): Cut {
  return cuts.find((c) => frame >= c.recordIn && frame < c.recordOut) ?? cuts[cuts.length - 1];
}

export function writeFcpxml(edit: InterchangeEdit, version: FcpxmlVersion = '1.10'): string {
  const ids: Ids = { sequenceFormat: 'r1', formats: new Map(), assets: new Map(), title: 'r2' };
  let next = 3;
  for (const s of edit.sources) if (s.hasVideo) ids.formats.set(s, `r${next++}`);
  for (const s of edit.sources) ids.assets.set(s, `r${next++}`);

  const anchoredBy = new Map<Cut, string[]>();
  const anchor = (frame: number, lines: (parent: Cut) => string[]) => {
    if (edit.cuts.length === 0) return;
    const parent = parentAt(edit.cuts, frame);
    anchoredBy.set(parent, [...(anchoredBy.get(parent) ?? []), ...lines(parent)]);
  };
  edit.music.forEach((piece) => anchor(piece.recordIn, (parent) => musicClip(piece, parent, edit, ids)));
  edit.texts.forEach((cue, i) => anchor(cue.recordIn, (parent) => titleClip(cue, i, parent, edit, ids)));

  const spine = edit.cuts.flatMap((cut) => spineClip(cut, edit, ids, anchoredBy.get(cut) ?? []));
  const duration = t(edit.durationFrames, edit.rate);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE fcpxml>',
    '',
    `<fcpxml version="${version}">`,
    '  <resources>',
    ...resources(edit, ids),
    '  </resources>',
    '  <library>',
    `    <event name="${x(edit.title)}">`,
    `      <project name="${x(edit.title)}">`,
    `        <sequence format="${ids.sequenceFormat}" duration="${duration}" tcStart="0s" tcFormat="NDF" audioLayout="stereo" audioRate="48k">`,
    '          <spine>',
    ...spine.map((l) => `      ${l}`),
    '          </spine>',
    '        </sequence>',
    '      </project>',
    '    </event>',
    '  </library>',
    '</fcpxml>',
    '',
  ].join('\n');
}
