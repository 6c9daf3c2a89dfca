// PLACEHOLDER until the render work lands: replaced by the real export service.
import 'server-only';
import { AppError } from '@/lib/errors';
import type { ExportFile } from '@/lib/backend/types';
import type { ExportRecord, Store } from '@/lib/server/store/types';

export async function startLocalExport(_store: Store, _projectId: string, _quality: 'high' | 'preview'): Promise<ExportRecord> {
  throw new AppError(500, 'Export is not available yet.');
}
export async function cancelLocalExport(_store: Store, _exportId: string): Promise<ExportRecord> {
  throw new AppError(500, 'Export is not available yet.');
}
export function localExportFile(_record: ExportRecord): ExportFile {
  throw new AppError(500, 'Export is not available yet.');
}
