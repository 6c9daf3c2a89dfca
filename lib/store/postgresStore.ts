// The shared store: PostgreSQL through node-postgres, used when DATABASE_URL is set; same semantics as sqliteStore.ts.
// Each method is the twin of the SQLite one of the same name; rows go through the same mappers (rowMappers.ts).
import type pg from 'pg';
import { AppError } from '@/lib/errors';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { timelineSchema, type Timeline } from '@/lib/engine/timeline/schema';
import type { EditOperationKind } from '@/lib/engine/timeline/operations/editOperation';
import { createPool, inTransaction, migrate, type Queryable } from './postgresDb';
import { EXPORT_COLUMNS, EXPORT_JSON_FIELDS, MEDIA_SUMMARY_COLUMNS, json, now, toAnalyses, toExport, toMedia, toMediaSummary, toMessage, toOwnerUsage, toProject, toVersion, type Row } from './rowMappers';
import type { ExportRecord, MessageRecord, ProjectRecord, ReusableMediaQuery, Store, TimelineHead } from './types';

export class PostgresStore implements Store {
  private readonly pool: pg.Pool;
  private migrated: Promise<void> | null = null;

  constructor(connectionString: string) {
    this.pool = createPool(connectionString);
    this.ready().catch((err) => console.error('[store] Postgres not ready:', err instanceof Error ? err.message : err));
  }

  /**
   * Migrations, run once per process before the first query; every method waits for them, so the
   * composition root stays synchronous. A failure (the database not up yet) is retried by the next call.
   */
  ready(): Promise<void> {
    this.migrated ??= migrate(this.pool).then(
      (applied) => {
        if (applied.length > 0) console.log(`[store] Postgres migrations applied: ${applied.join(', ')}`);
      },
      (err) => {
        this.migrated = null;
        throw err;
      },
    );
    return this.migrated;
  }

  private async db(): Promise<pg.Pool> {
    await this.ready();
    return this.pool;
  }
  private async get(sql: string, params: unknown[] = [], on?: Queryable): Promise<Row | undefined> {
    return (await (on ?? (await this.db())).query(sql, params)).rows[0] as Row | undefined;
  }
  private async all(sql: string, params: unknown[] = [], on?: Queryable): Promise<Row[]> {
    return (await (on ?? (await this.db())).query(sql, params)).rows as Row[];
  }
  private async run(sql: string, params: unknown[] = [], on?: Queryable): Promise<void> {
    await (on ?? (await this.db())).query(sql, params);
  }
  private async tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(await this.db(), work);
  }

  async getOwnerState(ownerId: string) {
    const row = await this.get('SELECT state FROM owners WHERE id = $1', [ownerId]);
    return row ? (JSON.parse(row.state as string) as Record<string, unknown>) : null;
  }
  async setOwnerState(ownerId: string, state: Record<string, unknown>) {
    await this.run(
      `INSERT INTO owners (id, state, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      [ownerId, JSON.stringify(state), now()],
    );
  }

  async createProject(input: { id: string; ownerId: string; title: string; timeline: Timeline }) {
    const at = now();
    await this.tx(async (c) => {
      await this.run(
        'INSERT INTO projects (id, owner_id, title, created_at, updated_at, head_version) VALUES ($1, $2, $3, $4, $4, 0)',
        [input.id, input.ownerId, input.title, at], c,
      );
      const v = await this.get(
        `INSERT INTO timeline_versions (project_id, parent_version, timeline, label, created_at)
         VALUES ($1, NULL, $2, 'Start', $3) RETURNING version`,
        [input.id, JSON.stringify(input.timeline), at], c,
      );
      await this.run('UPDATE projects SET head_version = $1 WHERE id = $2', [v!.version, input.id], c);
    });
    return (await this.getProject(input.id))!;
  }
  async getProject(id: string) {
    const row = await this.get('SELECT * FROM projects WHERE id = $1', [id]);
    return row ? toProject(row) : null;
  }
  async listProjects(ownerId: string) {
    return (await this.all('SELECT * FROM projects WHERE owner_id = $1 ORDER BY updated_at DESC', [ownerId])).map(toProject);
  }
  async updateProject(id: string, patch: Partial<Pick<ProjectRecord, 'title' | 'shareToken' | 'backendState'>>) {
    const values: [string, unknown][] = [['updated_at', now()]];
    if (patch.title !== undefined) values.push(['title', patch.title]);
    if (patch.shareToken !== undefined) values.push(['share_token', patch.shareToken]);
    if (patch.backendState !== undefined) values.push(['backend_state', json(patch.backendState)]);
    const sets = values.map(([column], i) => `${column} = $${i + 1}`);
    await this.run(`UPDATE projects SET ${sets.join(', ')} WHERE id = $${values.length + 1}`, [...values.map(([, v]) => v), id]);
  }
  async findProjectByShareToken(token: string) {
    const row = await this.get('SELECT * FROM projects WHERE share_token = $1', [token]);
    return row ? toProject(row) : null;
  }
  private async touch(projectId: string) {
    await this.run('UPDATE projects SET updated_at = $1 WHERE id = $2', [now(), projectId]);
  }

  async addMedia(r: MediaRecord) {
    await this.run(
      `INSERT INTO media (id, project_id, name, path, size, probe, analysis, peaks, has_thumbnail, created_at, video_index,
                          content_sha256, analysis_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [r.id, r.projectId, r.name, r.path, r.size, JSON.stringify(r.probe), json(r.analysis), json(r.peaks), r.hasThumbnail, r.createdAt,
        json(r.videoIndex), r.contentSha256 ?? null, r.analysisVersion ?? null],
    );
    await this.touch(r.projectId);
  }
  async listMedia(projectId: string) {
    return (await this.all('SELECT * FROM media WHERE project_id = $1 ORDER BY seq', [projectId])).map(toMedia);
  }
  async listMediaSummaries(projectId: string) {
    return (await this.all(`SELECT ${MEDIA_SUMMARY_COLUMNS} FROM media WHERE project_id = $1 ORDER BY seq`, [projectId])).map(toMediaSummary);
  }
  async listMediaAnalyses(projectId: string) {
    return toAnalyses(await this.all('SELECT id, analysis FROM media WHERE project_id = $1', [projectId]));
  }
  async getMedia(id: string) {
    const row = await this.get('SELECT * FROM media WHERE id = $1', [id]);
    return row ? toMedia(row) : null;
  }
  async findReusableMedia(q: ReusableMediaQuery) {
    const row = await this.get(
      `SELECT m.* FROM media m JOIN projects p ON p.id = m.project_id
        WHERE m.content_sha256 = $1 AND m.size = $2 AND m.analysis_version = $3 AND p.owner_id = $4
        ORDER BY m.created_at DESC, m.seq DESC LIMIT 1`,
      [q.contentSha256, q.size, q.analysisVersion, q.ownerId],
    );
    return row ? toMedia(row) : null;
  }
  async deleteMedia(ids: string[]) {
    await this.run('DELETE FROM media WHERE id = ANY($1::text[])', [ids]);
  }

  /** The head as seen by `on` (inside a transaction, after its own writes). */
  private async head(projectId: string, on?: Queryable): Promise<TimelineHead> {
    const p = await this.get('SELECT head_version, redo_stack FROM projects WHERE id = $1', [projectId], on);
    if (!p) throw new AppError(1002);
    const current = toVersion((await this.get('SELECT * FROM timeline_versions WHERE version = $1', [p.head_version], on))!);
    return {
      current,
      canUndo: current.parentVersion !== null,
      canRedo: (JSON.parse(p.redo_stack as string) as number[]).length > 0,
    };
  }
  /** Locks the project's row for the rest of the transaction: history moves one writer at a time, as under SQLite's lock. */
  private async lockProject(c: Queryable, projectId: string): Promise<Row> {
    const p = await this.get('SELECT head_version, redo_stack FROM projects WHERE id = $1 FOR UPDATE', [projectId], c);
    if (!p) throw new AppError(1002);
    return p;
  }
  async getTimelineHead(projectId: string) {
    return this.head(projectId);
  }
  async commitTimeline(projectId: string, timeline: Timeline, label: string, expectedHead?: number, operations: readonly EditOperationKind[] = []) {
    const version = await this.tx(async (c) => {
      const p = await this.lockProject(c, projectId);
      if (expectedHead !== undefined && p.head_version !== expectedHead) {
        throw new AppError(409, 'The timeline changed while this edit was being made. Try again.');
      }
      const at = now();
      const row = await this.get(
        `INSERT INTO timeline_versions (project_id, parent_version, timeline, label, operations, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING version`,
        [projectId, p.head_version, JSON.stringify(timelineSchema.parse(timeline)), label, JSON.stringify(operations), at], c,
      );
      await this.run("UPDATE projects SET head_version = $1, redo_stack = '[]', updated_at = $2 WHERE id = $3", [row!.version, at, projectId], c);
      return row!.version as number;
    });
    return (await this.getTimelineVersion(projectId, version))!;
  }
  async undo(projectId: string) {
    return this.tx(async (c) => {
      const p = await this.lockProject(c, projectId);
      const h = await this.head(projectId, c);
      if (h.current.parentVersion === null) return null;
      const stack = [...(JSON.parse(p.redo_stack as string) as number[]), h.current.version];
      await this.run('UPDATE projects SET head_version = $1, redo_stack = $2, updated_at = $3 WHERE id = $4',
        [h.current.parentVersion, JSON.stringify(stack), now(), projectId], c);
      return this.head(projectId, c);
    });
  }
  async redo(projectId: string) {
    return this.tx(async (c) => {
      const p = await this.lockProject(c, projectId);
      const stack = JSON.parse(p.redo_stack as string) as number[];
      const next = stack.pop();
      if (next === undefined) return null;
      await this.run('UPDATE projects SET head_version = $1, redo_stack = $2, updated_at = $3 WHERE id = $4',
        [next, JSON.stringify(stack), now(), projectId], c);
      return this.head(projectId, c);
    });
  }
  async getTimelineVersion(projectId: string, version: number) {
    const row = await this.get('SELECT * FROM timeline_versions WHERE project_id = $1 AND version = $2', [projectId, version]);
    return row ? toVersion(row) : null;
  }

  async addMessage(r: MessageRecord) {
    await this.run('INSERT INTO messages (id, project_id, role, text, created_at) VALUES ($1, $2, $3, $4, $5)',
      [r.id, r.projectId, r.role, r.text, r.createdAt]);
    await this.touch(r.projectId);
  }
  async listMessages(projectId: string) {
    return (await this.all('SELECT * FROM messages WHERE project_id = $1 ORDER BY seq', [projectId])).map(toMessage);
  }

  async createExport(r: ExportRecord) {
    await this.run(
      `INSERT INTO exports (id, project_id, status, progress, quality, timeline_version, width, height, duration, size,
        path, error, attempts, backend_state, created_at, updated_at, started_at, finished_at, render, render_reason, loudness)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
      [r.id, r.projectId, r.status, r.progress, r.quality, r.timelineVersion, r.width, r.height, r.duration, r.size,
        r.path, r.error, r.attempts, json(r.backendState), r.createdAt, r.updatedAt, r.startedAt, r.finishedAt,
        r.render ?? null, r.renderReason ?? null, json(r.loudness)],
    );
    await this.touch(r.projectId);
  }
  async getExport(id: string) {
    const row = await this.get('SELECT * FROM exports WHERE id = $1', [id]);
    return row ? toExport(row) : null;
  }
  async listExports(projectId: string) {
    return (await this.all('SELECT * FROM exports WHERE project_id = $1 ORDER BY created_at DESC, seq DESC', [projectId])).map(toExport);
  }
  async updateExport(id: string, patch: Partial<Omit<ExportRecord, 'id' | 'projectId' | 'createdAt'>>) {
    const entries = Object.entries({ ...patch, updatedAt: now() }).filter(([k]) => k in EXPORT_COLUMNS);
    const sets = entries.map(([k], i) => `${EXPORT_COLUMNS[k]} = $${i + 1}`);
    const params = entries.map(([k, v]) => (EXPORT_JSON_FIELDS.has(k) ? json(v) : v));
    const row = await this.get(`UPDATE exports SET ${sets.join(', ')} WHERE id = $${entries.length + 1} RETURNING *`, [...params, id]);
    if (!row) throw new AppError(404, 'Export not found.');
    return toExport(row);
  }
  async listExportsByStatus(statuses: ExportRecord['status'][]) {
    return (await this.all('SELECT * FROM exports WHERE status = ANY($1::text[]) ORDER BY created_at, seq', [statuses])).map(toExport);
  }
  async claimNextExport(options: { maxRunningPerOwner?: number } = {}) {
    // Round-robin by owner as in the SQLite store. SKIP LOCKED: claimers in other processes pass over a
    // row being claimed instead of waiting for it, so each queued export goes to exactly one of them.
    // (The per-owner running count is read without a lock: two processes may each start one at the cap.)
    const at = now();
    const row = await this.get(
      `WITH owner_state AS (
         SELECT p.owner_id, MAX(e.started_at) AS last_started, COUNT(*) FILTER (WHERE e.status = 'rendering') AS running
         FROM exports e JOIN projects p ON p.id = e.project_id
         GROUP BY p.owner_id
       ), next AS (
         SELECT e.id FROM exports e
           JOIN projects p ON p.id = e.project_id
           JOIN owner_state o ON o.owner_id = p.owner_id
         WHERE e.status = 'queued' AND o.running < $2
         ORDER BY o.last_started IS NOT NULL, o.last_started, e.created_at, e.seq
         LIMIT 1
         FOR UPDATE OF e SKIP LOCKED
       )
       UPDATE exports SET status = 'rendering', attempts = attempts + 1, started_at = $1, updated_at = $1
       WHERE id = (SELECT id FROM next)
       RETURNING *`,
      [at, options.maxRunningPerOwner ?? Number.MAX_SAFE_INTEGER],
    );
    return row ? toExport(row) : null;
  }

  async beginExportRender(id: string, options: { maxRunningPerOwner?: number } = {}) {
    return this.tx(async (c): Promise<ExportRecord | 'busy' | null> => {
      const row = await this.get(
        'SELECT e.status, p.owner_id FROM exports e JOIN projects p ON p.id = e.project_id WHERE e.id = $1',
        [id],
        c,
      );
      if (!row || (row.status !== 'queued' && row.status !== 'rendering')) return null;
      // Workers in other processes start renders of the same owner at the same moment: the count is
      // read under a lock on the owner (held to commit), so the cap holds across all of them.
      await this.run("SELECT pg_advisory_xact_lock(hashtext('in-video:renders:' || $1))", [row.owner_id], c);
      const running = await this.get(
        `SELECT COUNT(*) AS n FROM exports e JOIN projects p ON p.id = e.project_id
         WHERE p.owner_id = $1 AND e.status = 'rendering' AND e.id <> $2`,
        [row.owner_id, id],
        c,
      );
      if (Number(running!.n) >= (options.maxRunningPerOwner ?? Number.MAX_SAFE_INTEGER)) return 'busy';
      const at = now();
      const updated = await this.get(
        `UPDATE exports SET status = 'rendering', attempts = attempts + 1, started_at = $2, updated_at = $2
         WHERE id = $1 AND status IN ('queued', 'rendering') RETURNING *`,
        [id, at],
        c,
      );
      return updated ? toExport(updated) : null;
    });
  }

  async ownerUsage(ownerId: string) {
    const row = (await this.get(
      `SELECT
         (SELECT COUNT(*) FROM projects WHERE owner_id = $1) AS projects,
         (SELECT COALESCE(SUM(m.size), 0) FROM media m JOIN projects p ON p.id = m.project_id WHERE p.owner_id = $1) AS media_bytes,
         (SELECT COALESCE(SUM(e.size), 0) FROM exports e JOIN projects p ON p.id = e.project_id
            WHERE p.owner_id = $1 AND e.status = 'completed') AS export_bytes,
         (SELECT COUNT(*) FROM exports e JOIN projects p ON p.id = e.project_id
            WHERE p.owner_id = $1 AND e.status = 'rendering') AS running,
         (SELECT COUNT(*) FROM exports e JOIN projects p ON p.id = e.project_id
            WHERE p.owner_id = $1 AND e.status = 'queued') AS queued`,
      [ownerId],
    ))!;
    return toOwnerUsage(row);
  }
  async deleteExport(id: string) {
    await this.run('DELETE FROM exports WHERE id = $1', [id]);
  }
  async deleteProject(id: string) {
    // Foreign keys cascade to media, versions, messages and exports.
    await this.run('DELETE FROM projects WHERE id = $1', [id]);
  }
  async listProjectsUpdatedBefore(beforeIso: string) {
    return (await this.all('SELECT * FROM projects WHERE updated_at < $1 ORDER BY updated_at', [beforeIso])).map(toProject);
  }
  async listKnownFiles() {
    const column = async (sql: string) => (await this.all(sql)).map((r) => Object.values(r)[0] as string);
    return {
      projectIds: await column('SELECT id FROM projects'),
      mediaPaths: await column('SELECT path FROM media'),
      exportPaths: await column('SELECT path FROM exports WHERE path IS NOT NULL'),
      exportIds: await column('SELECT id FROM exports'),
    };
  }

  async problem() {
    try {
      await (await this.db()).query('SELECT 1');
      return null;
    } catch (err) {
      const why = err instanceof Error ? err.message || (err as NodeJS.ErrnoException).code : String(err);
      return `The database in DATABASE_URL cannot be used (${why}): check the URL, and that PostgreSQL is running and reachable from here.`;
    }
  }

  async close() {
    await this.migrated?.catch(() => {});
    await this.pool.end();
  }
}
