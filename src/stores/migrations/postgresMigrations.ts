import type { Migration } from './Migration.js'

/**
 * The PostgreSQL schema, as versioned steps the store applies itself (under an advisory lock,
 * so many processes may start at once). Never edit a released step; add a new one.
 */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'event log, commands, refusals, policies, snapshots',
    sql: `
      CREATE TABLE events (
        position      bigserial PRIMARY KEY,
        initiative_id text    NOT NULL,
        seq           integer NOT NULL CHECK (seq >= 1),
        command_id    text    NOT NULL,
        command_hash  text    NOT NULL,
        event         text    NOT NULL,
        policy_hash   text    NOT NULL,
        revision      text    NOT NULL,
        prev_hash     text    NOT NULL,
        hash          text    NOT NULL,
        CONSTRAINT events_seq_unique UNIQUE (initiative_id, seq),
        CONSTRAINT events_command_unique UNIQUE (command_id)
      );
      -- The log is append-only; the hash chain detects whoever bypasses this.
      CREATE FUNCTION twokeys_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'twokeys: the event log is append-only (% refused)', TG_OP; END
      $$;
      CREATE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION twokeys_append_only();
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION twokeys_append_only();

      -- Idempotency keys: the first outcome of every command id, accepted or refused.
      CREATE TABLE commands (
        command_id    text PRIMARY KEY,
        initiative_id text,
        outcome       text NOT NULL CHECK (outcome IN ('accepted', 'refused'))
      );

      -- The security log: every refused attempt.
      CREATE TABLE refusals (
        position      bigserial PRIMARY KEY,
        initiative_id text,
        command_id    text   NOT NULL,
        command_hash  text   NOT NULL,
        command       text   NOT NULL,
        at            bigint NOT NULL,
        code          text   NOT NULL,
        reasons       text   NOT NULL
      );
      CREATE INDEX refusals_by_initiative ON refusals (initiative_id, position);
      CREATE INDEX refusals_by_command ON refusals (command_id, position);

      -- Pinned policies by canonical hash.
      CREATE TABLE policies (
        hash   text PRIMARY KEY,
        policy text NOT NULL
      );

      -- The latest machine snapshot of each initiative: a cache, never a source of truth.
      CREATE TABLE snapshots (
        initiative_id text    PRIMARY KEY,
        seq           integer NOT NULL,
        hash          text    NOT NULL,
        policy_hash   text    NOT NULL,
        state         text    NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'append-only snapshots with seals, commands and a chained security log',
    sql: `
      CREATE OR REPLACE FUNCTION twokeys_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'twokeys: table % is append-only (% refused)', TG_TABLE_NAME, TG_OP; END
      $$;
      -- Snapshots are kept, not overwritten: each is sealed by the engine and checked by the audit.
      ALTER TABLE snapshots DROP CONSTRAINT snapshots_pkey;
      ALTER TABLE snapshots ADD PRIMARY KEY (initiative_id, seq);
      ALTER TABLE snapshots ADD COLUMN seal text NOT NULL DEFAULT '';
      CREATE TRIGGER snapshots_no_update_or_delete BEFORE UPDATE OR DELETE ON snapshots
        FOR EACH ROW EXECUTE FUNCTION twokeys_append_only();
      CREATE TRIGGER snapshots_no_truncate BEFORE TRUNCATE ON snapshots
        FOR EACH STATEMENT EXECUTE FUNCTION twokeys_append_only();

      CREATE TRIGGER commands_no_update_or_delete BEFORE UPDATE OR DELETE ON commands
        FOR EACH ROW EXECUTE FUNCTION twokeys_append_only();
      CREATE TRIGGER commands_no_truncate BEFORE TRUNCATE ON commands
        FOR EACH STATEMENT EXECUTE FUNCTION twokeys_append_only();

      -- The security log is chained like events; rows written before this step keep empty hashes.
      ALTER TABLE refusals ADD COLUMN prev_hash text NOT NULL DEFAULT '';
      ALTER TABLE refusals ADD COLUMN hash text NOT NULL DEFAULT '';
      CREATE TRIGGER refusals_no_update_or_delete BEFORE UPDATE OR DELETE ON refusals
        FOR EACH ROW EXECUTE FUNCTION twokeys_append_only();
      CREATE TRIGGER refusals_no_truncate BEFORE TRUNCATE ON refusals
        FOR EACH STATEMENT EXECUTE FUNCTION twokeys_append_only();
    `,
  },
  {
    version: 3,
    name: 'signed commands on events, keyring changes',
    sql: `
      -- A signed command and the keyring version it was checked against (NULL for unsigned events).
      ALTER TABLE events ADD COLUMN command text;
      ALTER TABLE events ADD COLUMN keyring integer;

      -- Every applied keyring change, signed by every key-holding institution; append-only.
      CREATE TABLE keyring_changes (
        version integer PRIMARY KEY CHECK (version >= 1),
        change  text    NOT NULL
      );
      CREATE TRIGGER keyring_changes_no_update_or_delete BEFORE UPDATE OR DELETE ON keyring_changes
        FOR EACH ROW EXECUTE FUNCTION twokeys_append_only();
      CREATE TRIGGER keyring_changes_no_truncate BEFORE TRUNCATE ON keyring_changes
        FOR EACH STATEMENT EXECUTE FUNCTION twokeys_append_only();
    `,
  },
  {
    version: 4,
    name: 'the Merkle log over all events, its checkpoints and their cosignatures',
    sql: `
      -- Leaf idx of the log is the event at \`position\`: every event, in commit order. Appends take
      -- the next indexes from log_head, whose row lock they hold until they commit, so the indexes
      -- of all instances form one gapless sequence in the order the events became visible.
      CREATE TABLE log (
        idx      bigint PRIMARY KEY CHECK (idx >= 0),
        position bigint NOT NULL UNIQUE
      );
      INSERT INTO log (idx, position)
        SELECT row_number() OVER (ORDER BY position) - 1, position FROM events;
      CREATE TABLE log_head (
        one  boolean PRIMARY KEY DEFAULT true CHECK (one),
        size bigint  NOT NULL CHECK (size >= 0)
      );
      INSERT INTO log_head (size) SELECT count(*) FROM log;
      CREATE TRIGGER log_no_update_or_delete BEFORE UPDATE OR DELETE ON log
        FOR EACH ROW EXECUTE FUNCTION twokeys_append_only();
      CREATE TRIGGER log_no_truncate BEFORE TRUNCATE ON log
        FOR EACH STATEMENT EXECUTE FUNCTION twokeys_append_only();

      -- Checkpoints the log signed (one per size) and the witnesses' cosignatures of each.
      CREATE TABLE checkpoints (
        size bigint PRIMARY KEY CHECK (size >= 0),
        note text   NOT NULL
      );
      CREATE TABLE cosignatures (
        position bigserial PRIMARY KEY,
        size     bigint    NOT NULL REFERENCES checkpoints (size),
        line     text      NOT NULL,
        UNIQUE (size, line)
      );
      CREATE TRIGGER checkpoints_no_update_or_delete BEFORE UPDATE OR DELETE ON checkpoints
        FOR EACH ROW EXECUTE FUNCTION twokeys_append_only();
      CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON checkpoints
        FOR EACH STATEMENT EXECUTE FUNCTION twokeys_append_only();
      CREATE TRIGGER cosignatures_no_update_or_delete BEFORE UPDATE OR DELETE ON cosignatures
        FOR EACH ROW EXECUTE FUNCTION twokeys_append_only();
      CREATE TRIGGER cosignatures_no_truncate BEFORE TRUNCATE ON cosignatures
        FOR EACH STATEMENT EXECUTE FUNCTION twokeys_append_only();
    `,
  },
  {
    version: 5,
    name: 'cursors of log readers (webhook senders)',
    sql: `
      -- How far each reader of the Merkle log has got: the next index it will read.
      CREATE TABLE log_cursors (
        name     text   PRIMARY KEY,
        position bigint NOT NULL CHECK (position >= 0)
      );
    `,
  },
  {
    version: 6,
    name: 'state digests on log leaves (snapshots a cosigned checkpoint vouches for)',
    sql: `
      -- The digest of the initiative's state after the leaf's event, at the engine's snapshot points.
      ALTER TABLE log ADD COLUMN state text CHECK (state IS NULL OR length(state) = 64);
    `,
  },
]
