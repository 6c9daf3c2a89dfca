// Reads an FCP7 XML (xmeml) sequence per Apple's "Final Cut Pro XML Interchange Format": frames at each <rate>.
import type { ReadCut } from './cutListReading';
import { smpteFrames } from './cutListReading';
import { xpath, xpathOne } from './xpath';

/** <rate><timebase>30</timebase><ntsc>TRUE</ntsc></rate> is 29.97 frames per second. */
function fpsAt(file: string, path: string): number {
  const timebase = Number(xpathOne(file, `${path}/rate/timebase/text()`));
  return xpathOne(file, `${path}/rate/ntsc/text()`) === 'TRUE' ? (timebase * 1000) / 1001 : timebase;
}

export function readFcp7(file: string, track: 'video' | 'audio' = 'video'): { cuts: ReadCut[]; durationSeconds: number; sequenceFps: number; width: number; height: number } {
  const sequenceFps = fpsAt(file, '/xmeml/sequence');
  const items = xpath(file, `/xmeml/sequence/media/${track}/track[1]/clipitem/@id`);
  const cuts = items.map((id) => {
    const item = `//clipitem[@id="${id}"]`;
    const fileId = xpathOne(file, `${item}/file/@id`)!;
    const definition = `(//file[@id="${fileId}"][name])[1]`;
    const clipFps = fpsAt(file, item);
    const fileFps = fpsAt(file, `${definition}/timecode`);
    const tcString = xpathOne(file, `${definition}/timecode/string/text()`)!;
    // <frame> and <string> say the same thing; the test holds the writer to both.
    const tcFrames = Number(xpathOne(file, `${definition}/timecode/frame/text()`));
    if (smpteFrames(tcString, fileFps) !== tcFrames) throw new Error(`timecode ${tcString} is not frame ${tcFrames}`);
    const n = (tag: string) => Number(xpathOne(file, `${item}/${tag}/text()`));
    const speedParam = xpathOne(file, `${item}/filter/effect[effectid="timeremap"]/parameter[parameterid="speed"]/value/text()`);
    return {
      file: decodeURIComponent(xpathOne(file, `${definition}/pathurl/text()`)!).replace(/^\.\//, ''),
      recordIn: n('start') / sequenceFps,
      recordOut: n('end') / sequenceFps,
      sourceIn: n('in') / clipFps,
      sourceOut: n('out') / clipFps,
      speed: speedParam ? Number(speedParam) / 100 : 1,
      startTimecode: tcString,
    };
  });
  return {
    cuts,
    durationSeconds: Number(xpathOne(file, '/xmeml/sequence/duration/text()')) / sequenceFps,
    sequenceFps,
    width: Number(xpathOne(file, '/xmeml/sequence/media/video/format/samplecharacteristics/width/text()')),
    height: Number(xpathOne(file, '/xmeml/sequence/media/video/format/samplecharacteristics/height/text()')),
  };
}
