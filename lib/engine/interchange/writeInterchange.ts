// One entry point: an edit in, the chosen format's file text out.
import { writeCmx3600Edl } from './cmx3600Edl';
import type { InterchangeEdit } from './cutList';
import { writeFcp7Xml } from './fcp7Xml';
import { writeFcpxml } from './fcpxml';
import type { InterchangeFormat } from './formats';
import { writeMltXml } from './mltXml';
import { writeOtioJson } from './otioJson';
import { writeSrt, writeVtt } from './subtitles';

const WRITERS: Record<InterchangeFormat, (edit: InterchangeEdit) => string> = {
  fcpxml: (edit) => writeFcpxml(edit, '1.10'),
  'fcpxml-1.11': (edit) => writeFcpxml(edit, '1.11'),
  fcp7: writeFcp7Xml,
  edl: writeCmx3600Edl,
  otio: writeOtioJson,
  mlt: writeMltXml,
  srt: writeSrt,
  vtt: writeVtt,
};

export function writeInterchange(edit: InterchangeEdit, format: InterchangeFormat): string {
  return WRITERS[format](edit);
}
