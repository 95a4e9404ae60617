import type { Migration } from './Migration.js'

/**
 * The SQLite schema, as versioned steps the store applies itself on open. Never edit a
 * released step; add a new one.
 */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'event log, commands, refusals, policies, snapshots',
    sql: `
      CREATE TABLE events (
        position      INTEGER PRIMARY KEY,
        initiative_id TEXT    NOT NULL,
        seq           INTEGER NOT NULL CHECK (seq >= 1),
        command_id    TEXT    NOT NULL UNIQUE,
        command_hash  TEXT    NOT NULL,
        event         TEXT    NOT NULL,
        policy_hash   TEXT    NOT NULL,
        revision      TEXT    NOT NULL,
        prev_hash     TEXT    NOT NULL,
        hash          TEXT    NOT NULL,
        UNIQUE (initiative_id, seq)
      );
      -- The log is append-only; the hash chain detects whoever bypasses this.
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'twokeys: the event log is append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'twokeys: the event log is append-only'); END;

      -- Idempotency keys: the first outcome of every command id, accepted or refused.
      CREATE TABLE commands (
        command_id    TEXT PRIMARY KEY,
        initiative_id TEXT,
        outcome       TEXT NOT NULL CHECK (outcome IN ('accepted', 'refused'))
      ) WITHOUT ROWID;

      -- The security log: every refused attempt.
      CREATE TABLE refusals (
        position      INTEGER PRIMARY KEY,
        initiative_id TEXT,
        command_id    TEXT    NOT NULL,
        command_hash  TEXT    NOT NULL,
        command       TEXT    NOT NULL,
        at            INTEGER NOT NULL,
        code          TEXT    NOT NULL,
        reasons       TEXT    NOT NULL
      );
      CREATE INDEX refusals_by_initiative ON refusals (initiative_id, position);
      CREATE INDEX refusals_by_command ON refusals (command_id, position);

      -- Pinned policies by canonical hash.
      CREATE TABLE policies (
        hash   TEXT PRIMARY KEY,
        policy TEXT NOT NULL
      ) WITHOUT ROWID;

      -- The latest machine snapshot of each initiative: a cache, never a source of truth.
      CREATE TABLE snapshots (
        initiative_id TEXT    PRIMARY KEY,
        seq           INTEGER NOT NULL,
        hash          TEXT    NOT NULL,
        policy_hash   TEXT    NOT NULL,
        state         TEXT    NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'append-only snapshots with seals, commands and a chained security log',
    sql: `
      -- Snapshots are kept, not overwritten: each is sealed by the engine and checked by the audit.
      CREATE TABLE snapshots_v2 (
        initiative_id TEXT    NOT NULL,
        seq           INTEGER NOT NULL,
        hash          TEXT    NOT NULL,
        policy_hash   TEXT    NOT NULL,
        state         TEXT    NOT NULL,
        seal          TEXT    NOT NULL DEFAULT '',
        PRIMARY KEY (initiative_id, seq)
      ) WITHOUT ROWID;
      INSERT INTO snapshots_v2 (initiative_id, seq, hash, policy_hash, state)
        SELECT initiative_id, seq, hash, policy_hash, state FROM snapshots;
      DROP TABLE snapshots;
      ALTER TABLE snapshots_v2 RENAME TO snapshots;
      CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON snapshots
        BEGIN SELECT RAISE(ABORT, 'twokeys: snapshots are append-only'); END;
      CREATE TRIGGER snapshots_no_delete BEFORE DELETE ON snapshots
        BEGIN SELECT RAISE(ABORT, 'twokeys: snapshots are append-only'); END;

      CREATE TRIGGER commands_no_update BEFORE UPDATE ON commands
        BEGIN SELECT RAISE(ABORT, 'twokeys: the command index is append-only'); END;
      CREATE TRIGGER commands_no_delete BEFORE DELETE ON commands
        BEGIN SELECT RAISE(ABORT, 'twokeys: the command index is append-only'); END;

      -- The security log is chained like events; rows written before this step keep empty hashes.
      ALTER TABLE refusals ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
      ALTER TABLE refusals ADD COLUMN hash TEXT NOT NULL DEFAULT '';
      CREATE TRIGGER refusals_no_update BEFORE UPDATE ON refusals
        BEGIN SELECT RAISE(ABORT, 'twokeys: the security log is append-only'); END;
      CREATE TRIGGER refusals_no_delete BEFORE DELETE ON refusals
        BEGIN SELECT RAISE(ABORT, 'twokeys: the security log is append-only'); END;
    `,
  },
  {
    version: 3,
    name: 'signed commands on events, keyring changes',
    sql: `
      -- A signed command and the keyring version it was checked against (NULL for unsigned events).
      ALTER TABLE events ADD COLUMN command TEXT;
      ALTER TABLE events ADD COLUMN keyring INTEGER;

      -- Every applied keyring change, signed by every key-holding institution; append-only.
      CREATE TABLE keyring_changes (
        version INTEGER PRIMARY KEY CHECK (version >= 1),
        change  TEXT    NOT NULL
      );
      CREATE TRIGGER keyring_changes_no_update BEFORE UPDATE ON keyring_changes
        BEGIN SELECT RAISE(ABORT, 'twokeys: keyring changes are append-only'); END;
      CREATE TRIGGER keyring_changes_no_delete BEFORE DELETE ON keyring_changes
        BEGIN SELECT RAISE(ABORT, 'twokeys: keyring changes are append-only'); END;
    `,
  },
  {
    version: 4,
    name: 'the Merkle log over all events, its checkpoints and their cosignatures',
    sql: `
      -- Leaf idx of the log is the event at \`position\`: every event, in the order appended.
      CREATE TABLE log (
        idx      INTEGER PRIMARY KEY CHECK (idx >= 0),
        position INTEGER NOT NULL UNIQUE
      );
      INSERT INTO log (idx, position)
        SELECT row_number() OVER (ORDER BY position) - 1, position FROM events;
      CREATE TRIGGER log_no_update BEFORE UPDATE ON log
        BEGIN SELECT RAISE(ABORT, 'twokeys: the Merkle log is append-only'); END;
      CREATE TRIGGER log_no_delete BEFORE DELETE ON log
        BEGIN SELECT RAISE(ABORT, 'twokeys: the Merkle log is append-only'); END;

      -- Checkpoints the log signed (one per size) and the witnesses' cosignatures of each.
      CREATE TABLE checkpoints (
        size INTEGER PRIMARY KEY CHECK (size >= 0),
        note TEXT    NOT NULL
      );
      CREATE TABLE cosignatures (
        position INTEGER PRIMARY KEY,
        size     INTEGER NOT NULL REFERENCES checkpoints (size),
        line     TEXT    NOT NULL,
        UNIQUE (size, line)
      );
      CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints
        BEGIN SELECT RAISE(ABORT, 'twokeys: checkpoints are append-only'); END;
      CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints
        BEGIN SELECT RAISE(ABORT, 'twokeys: checkpoints are append-only'); END;
      CREATE TRIGGER cosignatures_no_update BEFORE UPDATE ON cosignatures
        BEGIN SELECT RAISE(ABORT, 'twokeys: cosignatures are append-only'); END;
      CREATE TRIGGER cosignatures_no_delete BEFORE DELETE ON cosignatures
        BEGIN SELECT RAISE(ABORT, 'twokeys: cosignatures are append-only'); END;
    `,
  },
  {
    version: 5,
    name: 'cursors of log readers (webhook senders)',
    sql: `
      -- How far each reader of the Merkle log has got: the next index it will read.
      CREATE TABLE log_cursors (
        name     TEXT    PRIMARY KEY,
        position INTEGER NOT NULL CHECK (position >= 0)
      );
    `,
  },
  {
    version: 6,
    name: 'state digests on log leaves (snapshots a cosigned checkpoint vouches for)',
    sql: `
      -- The digest of the initiative's state after the leaf's event, at the engine's snapshot points.
      ALTER TABLE log ADD COLUMN state TEXT CHECK (state IS NULL OR length(state) = 64);
    `,
  },
]
