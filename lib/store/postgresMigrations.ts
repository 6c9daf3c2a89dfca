// Schema migrations for the Postgres store, applied in order at start and recorded in schema_migrations.
// Each entry is the twin of the same-numbered entry in migrations.ts (SQLite): a column added there is
// added here in the same step, and tests/unit/store/schemaParity.test.ts compares the two schemas.
// Types: timestamps are timestamptz (read back as ISO strings), JSON is jsonb except the timeline,
// which is json so its text (and key order) comes back exactly as written, and counters are bigint.
export const POSTGRES_MIGRATIONS: string[] = [
  `
  CREATE TABLE owners (
    id TEXT PRIMARY KEY,
    state JSONB NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
  );
  CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    head_version BIGINT NOT NULL,
    redo_stack JSONB NOT NULL DEFAULT '[]',
    share_token TEXT UNIQUE,
    backend_state JSONB
  );
  CREATE INDEX projects_owner ON projects(owner_id, updated_at);
  CREATE TABLE timeline_versions (
    version BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    parent_version BIGINT,
    timeline JSON NOT NULL,
    label TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX timeline_versions_project ON timeline_versions(project_id, version);
  CREATE TABLE media (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    size BIGINT NOT NULL,
    probe JSONB NOT NULL,
    analysis JSONB,
    peaks JSONB,
    has_thumbnail BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    -- Upload order. SQLite counts per project under its single writer; here one identity is race-free across processes.
    seq BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX media_project ON media(project_id, seq);
  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    seq BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX messages_project ON messages(project_id, seq);
  CREATE TABLE exports (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    progress DOUBLE PRECISION NOT NULL,
    quality TEXT NOT NULL,
    timeline_version BIGINT NOT NULL,
    width INTEGER, height INTEGER, duration DOUBLE PRECISION, size BIGINT,
    path TEXT, error TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    backend_state JSONB,
    created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL,
    started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ,
    -- Insertion order, the tie-break SQLite gets from its rowid.
    seq BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX exports_project ON exports(project_id, created_at);
  CREATE INDEX exports_status ON exports(status, created_at);
  `,
  // Fast export: each video's keyframe index, and which render path an export took (and why full).
  `
  ALTER TABLE media ADD COLUMN video_index JSONB;
  ALTER TABLE exports ADD COLUMN render TEXT;
  ALTER TABLE exports ADD COLUMN render_reason TEXT;
  `,
  // Loudness measured on the finished export ({integratedLufs, truePeakDb}).
  `ALTER TABLE exports ADD COLUMN loudness JSONB;`,
  // A version's edit operation kinds as their own field, so labels are text only; old "kind+kind: words" labels move over.
  `
  ALTER TABLE timeline_versions ADD COLUMN operations JSONB NOT NULL DEFAULT '[]';
  UPDATE timeline_versions
     SET operations = to_jsonb(string_to_array(substring(label from '^([A-Za-z][A-Za-z+]*): '), '+')),
         label = substring(label from '^[A-Za-z][A-Za-z+]*: (.*)$')
   WHERE label ~ '^[A-Za-z][A-Za-z+]*: ';
  `,
  // Upload reuse: the bytes' SHA-256 and the analyser version, so a later upload of the same file by the same owner
  // takes this row's probe and analysis instead of decoding again (looked up by hash, then size and owner).
  `
  ALTER TABLE media ADD COLUMN content_sha256 TEXT;
  ALTER TABLE media ADD COLUMN analysis_version INTEGER;
  CREATE INDEX media_content ON media(content_sha256);
  `,
];
