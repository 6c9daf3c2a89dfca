// The interchange formats we write: one zod enum, and each one's file extension and media type.
import { z } from 'zod';

export const interchangeFormatSchema = z.enum(['fcpxml', 'fcpxml-1.11', 'fcp7', 'edl', 'otio', 'mlt', 'srt', 'vtt']);
export type InterchangeFormat = z.infer<typeof interchangeFormatSchema>;

export const INTERCHANGE_FILES: Record<InterchangeFormat, { extension: string; contentType: string; label: string }> = {
  fcpxml: { extension: 'fcpxml', contentType: 'application/xml; charset=utf-8', label: 'Final Cut Pro / DaVinci Resolve (FCPXML 1.10)' },
  'fcpxml-1.11': { extension: 'fcpxml', contentType: 'application/xml; charset=utf-8', label: 'Final Cut Pro 10.6.6+ (FCPXML 1.11)' },
  fcp7: { extension: 'xml', contentType: 'application/xml; charset=utf-8', label: 'Premiere Pro / Resolve (FCP7 XML)' },
  edl: { extension: 'edl', contentType: 'text/plain; charset=utf-8', label: 'Any editor (CMX 3600 EDL)' },
  otio: { extension: 'otio', contentType: 'application/json; charset=utf-8', label: 'Resolve / OpenTimelineIO (OTIO)' },
  mlt: { extension: 'mlt', contentType: 'application/xml; charset=utf-8', label: 'Kdenlive / Shotcut (MLT)' },
  srt: { extension: 'srt', contentType: 'application/x-subrip; charset=utf-8', label: 'Subtitles (SRT)' },
  vtt: { extension: 'vtt', contentType: 'text/vtt; charset=utf-8', label: 'Subtitles (WebVTT)' },
};
