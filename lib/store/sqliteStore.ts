// The embedded store: one SQLite file under DATA_DIR, through better-sqlite3 (WAL, foreign keys).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@/lib/errors';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { timelineSchema, type Timeline } from '@/lib/engine/timeline/schema';
import type { EditOperationKind } from '@/lib/engine/timeline/operations/editOperation';
import { MIGRATIONS } from './migrations';
import { EXPORT_COLUMNS, EXPORT_JSON_FIELDS, MEDIA_SUMMARY_COLUMNS, json, now, toAnalyses, toExport, toMedia, toMediaSummary, toMessage, toOwnerUsage, toProject, toVersion, type Row } from './rowMappers';
import {
  type ExportRecord,
  type MessageRecord,
  type ProjectRecord,
  type ReusableMediaQuery,
  type Store,
  type TimelineHead,
} from './types';

export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate() {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let i = current; i < MIGRATIONS.length; i++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[i]);
        this.db.pragma(`user_version = ${i + 1}`);
      })();
    }
  }

  private get(sql: string, ...params: unknown[]): Row | undefined {
    return this.db.prepare(sql).get(...params) as Row | undefined;
  }
  private all(sql: string, ...params: unknown[]): Row[] {
    return this.db.prepare(sql).all(...params) as Row[];
  }
  private run(sql: string, ...params: unknown[]) {
    return this.db.prepare(sql).run(...params);
  }

  async getOwnerState(ownerId: string) {
    const row = this.get('SELECT state FROM owners WHERE id = ?', ownerId);
    return row ? (JSON.parse(row.state as string) as Record<string, unknown>) : null;
  }
  async setOwnerState(ownerId: string, state: Record<string, unknown>) {
    this.run(
      `INSERT INTO owners (id, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      ownerId, JSON.stringify(state), now(),
    );
  }

  async createProject(input: { id: string; ownerId: string; title: string; timeline: Timeline }) {
    const at = now();
    this.db.transaction(() => {
      this.run(
        'INSERT INTO projects (id, owner_id, title, created_at, updated_at, head_version) VALUES (?, ?, ?, ?, ?, 0)',
        input.id, input.ownerId, input.title, at, at,
      );
      const info = this.run(
        'INSERT INTO timeline_versions (project_id, parent_version, timeline, label, created_at) VALUES (?, NULL, ?, ?, ?)',
        input.id, JSON.stringify(input.timeline), 'Start', at,
      );
      this.run('UPDATE projects SET head_version = ? WHERE id = ?', Number(info.lastInsertRowid), input.id);
    })();
    return (await this.getProject(input.id))!;
  }
  async getProject(id: string) {
    const row = this.get('SELECT * FROM projects WHERE id = ?', id);
    return row ? toProject(row) : null;
  }
  async listProjects(ownerId: string) {
    return this.all('SELECT * FROM projects WHERE owner_id = ? ORDER BY updated_at DESC', ownerId).map(toProject);
  }
  async updateProject(id: string, patch: Partial<Pick<ProjectRecord, 'title' | 'shareToken' | 'backendState'>>) {
    const sets: string[] = ['updated_at = ?'];
    const params: unknown[] = [now()];
    if (patch.title !== undefined) { sets.push('title = ?'); params.push(patch.title); }
    if (patch.shareToken !== undefined) { sets.push('share_token = ?'); params.push(patch.shareToken); }
    if (patch.backendState !== undefined) { sets.push('backend_state = ?'); params.push(json(patch.backendState)); }
    this.run(`UPDATE projects SET ${sets.join(', ')} WHERE id = ?`, ...params, id);
  }
  async findProjectByShareToken(token: string) {
    const row = this.get('SELECT * FROM projects WHERE share_token = ?', token);
    return row ? toProject(row) : null;
  }
  private touch(projectId: string) {
    this.run('UPDATE projects SET updated_at = ? WHERE id = ?', now(), projectId);
  }

  async addMedia(r: MediaRecord) {
    const seq = (this.get('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM media WHERE project_id = ?', r.projectId)!.n) as number;
    this.run(
      `INSERT INTO media (id, project_id, name, path, size, probe, analysis, peaks, has_thumbnail, created_at, seq, video_index,
                          content_sha256, analysis_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      r.id, r.projectId, r.name, r.path, r.size, JSON.stringify(r.probe), json(r.analysis), json(r.peaks),
      r.hasThumbnail ? 1 : 0, r.createdAt, seq, json(r.videoIndex), r.contentSha256 ?? null, r.analysisVersion ?? null,
    );
    this.touch(r.projectId);
  }
  async listMedia(projectId: string) {
    return this.all('SELECT * FROM media WHERE project_id = ? ORDER BY seq', projectId).map(toMedia);
  }
  async listMediaSummaries(projectId: string) {
    return this.all(`SELECT ${MEDIA_SUMMARY_COLUMNS} FROM media WHERE project_id = ? ORDER BY seq`, projectId).map(toMediaSummary);
  }
  async listMediaAnalyses(projectId: string) {
    return toAnalyses(this.all('SELECT id, analysis FROM media WHERE project_id = ?', projectId));
  }
  async getMedia(id: string) {
    const row = this.get('SELECT * FROM media WHERE id = ?', id);
    return row ? toMedia(row) : null;
  }

  async findReusableMedia(q: ReusableMediaQuery) {
    const row = this.get(
      `SELECT m.* FROM media m JOIN projects p ON p.id = m.project_id
        WHERE m.content_sha256 = ? AND m.size = ? AND m.analysis_version = ? AND p.owner_id = ?
        ORDER BY m.created_at DESC, m.rowid DESC LIMIT 1`,
      q.contentSha256, q.size, q.analysisVersion, q.ownerId,
    );
    return row ? toMedia(row) : null;
  }

  async deleteMedia(ids: string[]) {
    const del = this.db.prepare('DELETE FROM media WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => del.run(id)))();
  }

  private head(projectId: string): TimelineHead {
    const p = this.get('SELECT head_version, redo_stack FROM projects WHERE id = ?', projectId);
    if (!p) throw new AppError(1002);
    const current = toVersion(this.get('SELECT * FROM timeline_versions WHERE version = ?', p.head_version)!);
    return {
      current,
      canUndo: current.parentVersion !== null,
      canRedo: (JSON.parse(p.redo_stack as string) as number[]).length > 0,
    };
  }
  async getTimelineHead(projectId: string) {
    return this.head(projectId);
  }
  async commitTimeline(projectId: string, timeline: Timeline, label: string, expectedHead?: number, operations: readonly EditOperationKind[] = []) {
    const version = this.db.transaction(() => {
      const p = this.get('SELECT head_version FROM projects WHERE id = ?', projectId);
      if (!p) throw new AppError(1002);
      if (expectedHead !== undefined && p.head_version !== expectedHead) {
        throw new AppError(409, 'The timeline changed while this edit was being made. Try again.');
      }
      const info = this.run(
        'INSERT INTO timeline_versions (project_id, parent_version, timeline, label, operations, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        projectId, p.head_version, JSON.stringify(timelineSchema.parse(timeline)), label, JSON.stringify(operations), now(),
      );
      const v = Number(info.lastInsertRowid);
      this.run("UPDATE projects SET head_version = ?, redo_stack = '[]', updated_at = ? WHERE id = ?", v, now(), projectId);
      return v;
    })();
    return (await this.getTimelineVersion(projectId, version))!;
  }
  async undo(projectId: string) {
    return this.db.transaction(() => {
      const h = this.head(projectId);
      if (h.current.parentVersion === null) return null;
      const p = this.get('SELECT redo_stack FROM projects WHERE id = ?', projectId)!;
      const stack = JSON.parse(p.redo_stack as string) as number[];
      stack.push(h.current.version);
      this.run('UPDATE projects SET head_version = ?, redo_stack = ?, updated_at = ? WHERE id = ?',
        h.current.parentVersion, JSON.stringify(stack), now(), projectId);
      return this.head(projectId);
    })();
  }
  async redo(projectId: string) {
    return this.db.transaction(() => {
      const p = this.get('SELECT redo_stack FROM projects WHERE id = ?', projectId);
      if (!p) throw new AppError(1002);
      const stack = JSON.parse(p.redo_stack as string) as number[];
      const next = stack.pop();
      if (next === undefined) return null;
      this.run('UPDATE projects SET head_version = ?, redo_stack = ?, updated_at = ? WHERE id = ?',
        next, JSON.stringify(stack), now(), projectId);
      return this.head(projectId);
    })();
  }
  async getTimelineVersion(projectId: string, version: number) {
    const row = this.get('SELECT * FROM timeline_versions WHERE project_id = ? AND version = ?', projectId, version);
    return row ? toVersion(row) : null;
  }

  async addMessage(r: MessageRecord) {
    const seq = (this.get('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM messages WHERE project_id = ?', r.projectId)!.n) as number;
    this.run('INSERT INTO messages (id, project_id, role, text, created_at, seq) VALUES (?, ?, ?, ?, ?, ?)',
      r.id, r.projectId, r.role, r.text, r.createdAt, seq);
    this.touch(r.projectId);
  }
  async listMessages(projectId: string) {
    return this.all('SELECT * FROM messages WHERE project_id = ? ORDER BY seq', projectId).map(toMessage);
  }

  async createExport(r: ExportRecord) {
    this.run(
      `INSERT INTO exports (id, project_id, status, progress, quality, timeline_version, width, height, duration, size,
        path, error, attempts, backend_state, created_at, updated_at, started_at, finished_at, render, render_reason, loudness)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      r.id, r.projectId, r.status, r.progress, r.quality, r.timelineVersion, r.width, r.height, r.duration, r.size,
      r.path, r.error, r.attempts, json(r.backendState), r.createdAt, r.updatedAt, r.startedAt, r.finishedAt,
      r.render ?? null, r.renderReason ?? null, json(r.loudness),
    );
    this.touch(r.projectId);
  }
  async getExport(id: string) {
    const row = this.get('SELECT * FROM exports WHERE id = ?', id);
    return row ? toExport(row) : null;
  }
  async listExports(projectId: string) {
    return this.all('SELECT * FROM exports WHERE project_id = ? ORDER BY created_at DESC, rowid DESC', projectId).map(toExport);
  }
  async updateExport(id: string, patch: Partial<Omit<ExportRecord, 'id' | 'projectId' | 'createdAt'>>) {
    const entries = Object.entries({ ...patch, updatedAt: now() }).filter(([k]) => k in EXPORT_COLUMNS);
    const sets = entries.map(([k]) => `${EXPORT_COLUMNS[k]} = ?`);
    const params = entries.map(([k, v]) => (EXPORT_JSON_FIELDS.has(k) ? json(v) : v));
    this.run(`UPDATE exports SET ${sets.join(', ')} WHERE id = ?`, ...params, id);
    const updated = await this.getExport(id);
    if (!updated) throw new AppError(404, 'Export not found.');
    return updated;
  }
  async listExportsByStatus(statuses: ExportRecord['status'][]) {
    const marks = statuses.map(() => '?').join(', ');
    return this.all(`SELECT * FROM exports WHERE status IN (${marks}) ORDER BY created_at, rowid`, ...statuses).map(toExport);
  }
  async claimNextExport(options: { maxRunningPerOwner?: number } = {}) {
    return this.db.transaction(() => {
      // Round-robin by owner: one who queues many exports cannot hold back one who queued a single one.
      const row = this.get(
        `WITH owner_state AS (
           SELECT p.owner_id,
                  MAX(e.started_at) AS last_started,
                  SUM(CASE WHEN e.status = 'rendering' THEN 1 ELSE 0 END) AS running
           FROM exports e JOIN projects p ON p.id = e.project_id
           GROUP BY p.owner_id
         )
         SELECT e.id FROM exports e
           JOIN projects p ON p.id = e.project_id
           JOIN owner_state o ON o.owner_id = p.owner_id
         WHERE e.status = 'queued' AND o.running < @maxRunning
         ORDER BY o.last_started IS NOT NULL, o.last_started, e.created_at, e.rowid
         LIMIT 1`,
        { maxRunning: options.maxRunningPerOwner ?? Number.MAX_SAFE_INTEGER },
      );
      if (!row) return null;
      const at = now();
      this.run(
        "UPDATE exports SET status = 'rendering', attempts = attempts + 1, started_at = ?, updated_at = ? WHERE id = ?",
        at, at, row.id,
      );
      return toExport(this.get('SELECT * FROM exports WHERE id = ?', row.id)!);
    })();
  }

  async beginExportRender(id: string, options: { maxRunningPerOwner?: number } = {}) {
    // One SQLite writer at a time: the transaction is the per-owner lock.
    return this.db.transaction((): ExportRecord | 'busy' | null => {
      const row = this.get(
        `SELECT e.status, p.owner_id FROM exports e JOIN projects p ON p.id = e.project_id WHERE e.id = ?`,
        id,
      );
      if (!row || (row.status !== 'queued' && row.status !== 'rendering')) return null;
      const running = this.get(
        `SELECT COUNT(*) AS n FROM exports e JOIN projects p ON p.id = e.project_id
         WHERE p.owner_id = ? AND e.status = 'rendering' AND e.id <> ?`,
        row.owner_id, id,
      )!.n as number;
      if (running >= (options.maxRunningPerOwner ?? Number.MAX_SAFE_INTEGER)) return 'busy';
      const at = now();
      this.run(
        "UPDATE exports SET status = 'rendering', attempts = attempts + 1, started_at = ?, updated_at = ? WHERE id = ?",
        at, at, id,
      );
      return toExport(this.get('SELECT * FROM exports WHERE id = ?', id)!);
    })();
  }

  async problem() {
    return null; // the file was opened (or the constructor threw) at start
  }

  async ownerUsage(ownerId: string) {
    const row = this.get(
      `SELECT
         (SELECT COUNT(*) FROM projects WHERE owner_id = @owner) AS projects,
         (SELECT COALESCE(SUM(m.size), 0) FROM media m JOIN projects p ON p.id = m.project_id WHERE p.owner_id = @owner) AS media_bytes,
         (SELECT COALESCE(SUM(e.size), 0) FROM exports e JOIN projects p ON p.id = e.project_id
            WHERE p.owner_id = @owner AND e.status = 'completed') AS export_bytes,
         (SELECT COUNT(*) FROM exports e JOIN projects p ON p.id = e.project_id
            WHERE p.owner_id = @owner AND e.status = 'rendering') AS running,
         (SELECT COUNT(*) FROM exports e JOIN projects p ON p.id = e.project_id
            WHERE p.owner_id = @owner AND e.status = 'queued') AS queued`,
      { owner: ownerId },
    )!;
    return toOwnerUsage(row);
  }
  async deleteExport(id: string) {
    this.run('DELETE FROM exports WHERE id = ?', id);
  }
  async deleteProject(id: string) {
    // Foreign keys cascade to media, versions, messages and exports.
    this.run('DELETE FROM projects WHERE id = ?', id);
  }
  async listProjectsUpdatedBefore(beforeIso: string) {
    return this.all('SELECT * FROM projects WHERE updated_at < ? ORDER BY updated_at', beforeIso).map(toProject);
  }
  async listKnownFiles() {
    return {
      projectIds: this.all('SELECT id FROM projects').map((r) => r.id as string),
      mediaPaths: this.all('SELECT path FROM media').map((r) => r.path as string),
      exportPaths: this.all('SELECT path FROM exports WHERE path IS NOT NULL').map((r) => r.path as string),
      exportIds: this.all('SELECT id FROM exports').map((r) => r.id as string),
    };
  }

  async close() {
    this.db.close();
  }
}
