// The export job's choice of path: fast export when the record allows it and its checks pass, the full render otherwise (logged).
import 'server-only';
import type { ExportQuality } from '@/lib/engine/render/exportQuality';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MediaRecord } from '@/lib/engine/media/schema';
import type { RenderPlan } from '@/lib/engine/render/renderPlan';
import type { SmartSource } from '@/lib/engine/render/smart/copyEligibility';
import { renderSmart, type SmartRenderOptions } from './renderSmart';

export interface RenderChoice {
  /** "smart" when plan.outputPath already holds the checked fast export. */
  render: 'smart' | 'full';
  /** Why full, in plain words; null for smart and for previews (which have their own fast path). */
  reason: string | null;
}

interface ExportFacts {
  id: string;
  quality: ExportQuality;
  render?: 'smart' | 'full' | null;
  renderReason?: string | null;
}

/** The full render when the record itself asks for it (a preview, or full quality asked for); null when fast export may be tried. */
export function recordedChoice(record: ExportFacts): RenderChoice | null {
  if (record.quality !== 'high') return { render: 'full', reason: null };
  if (record.render === 'full') return { render: 'full', reason: record.renderReason ?? 'full quality was asked for' };
  return null;
}

export async function tryFastExport(record: ExportFacts, plan: RenderPlan, media: MediaRecord[], workDir: string, options: SmartRenderOptions): Promise<RenderChoice> {
  const recorded = recordedChoice(record);
  if (recorded) return recorded;
  const sources: Record<string, SmartSource> = {};
  for (const m of media) if (plan.media[m.id]) sources[m.id] = { name: m.name, probe: m.probe, videoIndex: m.videoIndex };
  const dir = path.join(workDir, 'smart');
  try {
    const outcome = await renderSmart(plan, sources, dir, options);
    if (outcome.ok) {
      console.log(`[render] export ${record.id}: fast export copied ${outcome.copiedFrames} of ${outcome.totalFrames} frames`);
      return { render: 'smart', reason: null };
    }
    // A failed attempt is something to look into; a plan that says "full" is ordinary.
    if (outcome.failed) console.warn(`[render] export ${record.id}: fast export fell back to the full render: ${outcome.reason}`);
    await fs.rm(plan.outputPath, { force: true });
    return { render: 'full', reason: outcome.reason };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
