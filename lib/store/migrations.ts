// Schema migrations for the SQLite store, applied in order and tracked with PRAGMA user_version.
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE owners (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    head_version INTEGER NOT NULL,
    redo_stack TEXT NOT NULL DEFAULT '[]',
    share_token TEXT UNIQUE,
    backend_state TEXT
  );
  CREATE INDEX projects_owner ON projects(owner_id, updated_at);
  CREATE TABLE timeline_versions (
    version INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    parent_version INTEGER,
    timeline TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX timeline_versions_project ON timeline_versions(project_id, version);
  CREATE TABLE media (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    probe TEXT NOT NULL,
    analysis TEXT,
    peaks TEXT,
    has_thumbnail INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    seq INTEGER NOT NULL
  );
  CREATE INDEX media_project ON media(project_id, seq);
  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    seq INTEGER NOT NULL
  );
  CREATE INDEX messages_project ON messages(project_id, seq);
  CREATE TABLE exports (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    progress REAL NOT NULL,
    quality TEXT NOT NULL,
    timeline_version INTEGER NOT NULL,
    width INTEGER, height INTEGER, duration REAL, size INTEGER,
    path TEXT, error TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    backend_state TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    started_at TEXT, finished_at TEXT
  );
  CREATE INDEX exports_project ON exports(project_id, created_at);
  CREATE INDEX exports_status ON exports(status, created_at);
  `,
  // Fast export: each video's keyframe index, and which render path an export took (and why full).
  `
  ALTER TABLE media ADD COLUMN video_index TEXT;
  ALTER TABLE exports ADD COLUMN render TEXT;
  ALTER TABLE exports ADD COLUMN render_reason TEXT;
  `,
  // Loudness measured on the finished export (JSON {integratedLufs, truePeakDb}).
  `ALTER TABLE exports ADD COLUMN loudness TEXT;`,
  // A version's edit operation kinds as their own field (a JSON array), so labels are text only. Labels written
  // before had the kinds as a prefix ("removePauses+addMusic: Cut 9 pauses."): moved into the field, prefix dropped.
  `
  ALTER TABLE timeline_versions ADD COLUMN operations TEXT NOT NULL DEFAULT '[]';
  UPDATE timeline_versions
     SET operations = '["' || replace(substr(label, 1, instr(label, ': ') - 1), '+', '","') || '"]',
         label = substr(label, instr(label, ': ') + 2)
   WHERE instr(label, ': ') > 1
     AND substr(label, 1, instr(label, ': ') - 1) NOT GLOB '*[^A-Za-z+]*'
     AND substr(label, 1, 1) GLOB '[A-Za-z]';
  `,
  // Upload reuse: the bytes' SHA-256 and the analyser version, so a later upload of the same file by the same owner
  // takes this row's probe and analysis instead of decoding again (looked up by hash, then size and owner).
  `
  ALTER TABLE media ADD COLUMN content_sha256 TEXT;
  ALTER TABLE media ADD COLUMN analysis_version INTEGER;
  CREATE INDEX media_content ON media(content_sha256);
  `,
];
