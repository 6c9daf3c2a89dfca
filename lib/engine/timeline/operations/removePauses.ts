// Cuts pauses out of every main-track segment, using each source's loudness analysis, respecting in/out and speed.
import { detectPausesIn, type PauseDetection } from '@/lib/engine/pauses/detectPauses';
import { pauseSettings } from '@/lib/engine/pauses/pauseSettings';
import { segmentPlacements, timelineDuration } from '../duration';
import type { Timeline } from '../schema';
import { cutOutputRanges, type Range } from './cutOutputRanges';
import type { EditOperationOf } from './editOperation';
import { OperationError, secondsText, type OperationContext, type OperationResult } from './operationContext';

/** The pauses of each source, mapped into output time through the segments that show it. */
export function pauseOutputRanges(timeline: Timeline, op: EditOperationOf<'removePauses'>, ctx: OperationContext): Range[] {
  return pausesOnTimeline(timeline, op, ctx).ranges;
}

/** The output-time ranges to cut, and whether the detection was unsure on any source that contributed cuts. */
function pausesOnTimeline(timeline: Timeline, op: EditOperationOf<'removePauses'>, ctx: OperationContext): { ranges: Range[]; unsure: boolean } {
  const settings = pauseSettings(op);
  const bySource = new Map<string, PauseDetection>();
  const ranges: Range[] = [];
  let unsure = false;
  for (const { segment, start } of segmentPlacements(timeline)) {
    if (!bySource.has(segment.sourceId)) {
      const analysis = ctx.analyses[segment.sourceId];
      const found = analysis ? detectPausesIn(analysis, settings) : { cuts: [], unsure: false };
      bySource.set(segment.sourceId, found);
      unsure ||= found.unsure;
    }
    for (const [a, b] of bySource.get(segment.sourceId)!.cuts) {
      const from = Math.max(a, segment.in);
      const to = Math.min(b, segment.out);
      if (to > from) ranges.push([start + (from - segment.in) / segment.speed, start + (to - segment.in) / segment.speed]);
    }
  }
  return { ranges, unsure };
}

export function removePauses(timeline: Timeline, op: EditOperationOf<'removePauses'>, ctx: OperationContext): OperationResult {
  if (timeline.video.length === 0) throw new OperationError('There is no video yet: upload a clip, then ask me to cut the pauses.');
  const analysed = timeline.video.filter((s) => ctx.analyses[s.sourceId]);
  if (analysed.length === 0) throw new OperationError('None of the clips on the timeline has sound I could analyse, so I cannot find pauses.');
  const { ranges, unsure } = pausesOnTimeline(timeline, op, ctx);
  const settings = pauseSettings(op);
  if (ranges.length === 0) {
    // Steady background noise hides pauses from a loudness threshold: say what to try instead of a bare no.
    return {
      timeline,
      said: `I found no pauses of ${secondsText(settings.minPauseSeconds)} or more to cut. If there is steady background noise, try "cut even the quiet pauses" or "only pauses over 0.3 seconds".`,
    };
  }
  const before = timelineDuration(timeline);
  const next = cutOutputRanges(timeline, ranges, ctx.newId);
  const saved = before - timelineDuration(next);
  return {
    timeline: next,
    said:
      `Cut ${ranges.length} pause${ranges.length === 1 ? '' : 's'} (${secondsText(saved)} in all; pauses of ${secondsText(settings.minPauseSeconds)} or more, keeping ${secondsText(settings.paddingSeconds)} around speech).` +
      // The voice model hesitated over much of what was cut (noise that sounds half like speech): offer both directions.
      (unsure ? ' Background noise made some of this hard to call: if words got clipped, say "cut the pauses gently"; if pauses are left, say "cut the pauses more aggressively".' : ''),
  };
}
