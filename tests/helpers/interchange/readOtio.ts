// Reads an OpenTimelineIO JSON file per the OTIO file format spec: tracks of clips and gaps, each with a source range.
import type { ReadCut } from './cutListReading';

interface RationalTime { OTIO_SCHEMA: string; rate: number; value: number }
interface TimeRange { start_time: RationalTime; duration: RationalTime }
interface Item {
  OTIO_SCHEMA: string;
  name: string;
  source_range: TimeRange;
  media_reference?: { OTIO_SCHEMA: string; target_url: string; available_range: TimeRange | null };
  effects?: { OTIO_SCHEMA: string; time_scalar?: number }[];
}
interface Track { OTIO_SCHEMA: string; name: string; kind: 'Video' | 'Audio'; children: Item[]; markers: { OTIO_SCHEMA: string; name: string; marked_range: TimeRange }[] }

const seconds = (t: RationalTime) => t.value / t.rate;

export function readOtio(json: string): { tracks: Track[]; cutsOf: (track: Track) => ReadCut[] } {
  const timeline = JSON.parse(json) as { OTIO_SCHEMA: string; tracks: { OTIO_SCHEMA: string; children: Track[] } };
  if (!/^Timeline\.\d+$/.test(timeline.OTIO_SCHEMA) || !/^Stack\.\d+$/.test(timeline.tracks.OTIO_SCHEMA)) throw new Error('not an OTIO timeline');
  /** An item's place on its track is the sum of the durations before it; time warps scale how much media it plays. */
  const cutsOf = (track: Track): ReadCut[] => {
    let cursor = 0;
    const cuts: ReadCut[] = [];
    for (const item of track.children) {
      const length = seconds(item.source_range.duration);
      if (/^Clip\.\d+$/.test(item.OTIO_SCHEMA)) {
        const available = item.media_reference?.available_range;
        const mediaStart = available ? seconds(available.start_time) : 0;
        const speed = (item.effects ?? []).filter((e) => /^LinearTimeWarp\./.test(e.OTIO_SCHEMA)).reduce((s, e) => s * (e.time_scalar ?? 1), 1);
        const sourceIn = seconds(item.source_range.start_time) - mediaStart;
        cuts.push({ file: decodeURIComponent(item.media_reference!.target_url).replace(/^\.\//, ''), recordIn: cursor, recordOut: cursor + length, sourceIn, sourceOut: sourceIn + length * speed, speed });
      } else if (!/^Gap\.\d+$/.test(item.OTIO_SCHEMA)) {
        throw new Error(`unexpected ${item.OTIO_SCHEMA} on track ${track.name}`);
      }
      cursor += length;
    }
    return cuts;
  };
  return { tracks: timeline.tracks.children, cutsOf };
}
