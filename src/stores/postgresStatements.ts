// The PostgreSQL store's column lists and its one-statement append.

export const EVENT_COLUMNS =
  'initiative_id, seq, command_id, command_hash, event, policy_hash, revision, prev_hash, hash, command, keyring'
export const SNAPSHOT_COLUMNS = 'initiative_id, seq, hash, policy_hash, state, seal'
export const REFUSAL_COLUMNS =
  'initiative_id, command_id, command_hash, command, at, code, reasons, prev_hash, hash'

// One statement, hence one transaction: the head check, the events and their command ids.
export const APPEND = `
  WITH head AS (SELECT coalesce(max(seq), 0) AS at FROM events WHERE initiative_id = $1),
  incoming AS (
    SELECT * FROM json_to_recordset($2::json) AS r(initiative_id text, seq integer, command_id text,
      command_hash text, event text, policy_hash text, revision text, prev_hash text, hash text,
      command text, keyring integer)),
  inserted AS (
    INSERT INTO events (${EVENT_COLUMNS})
    SELECT ${EVENT_COLUMNS} FROM incoming WHERE (SELECT at FROM head) = $3 ORDER BY seq
    RETURNING position, seq, command_id, initiative_id),
  commands_inserted AS (
    INSERT INTO commands (command_id, initiative_id, outcome)
    SELECT command_id, initiative_id, 'accepted' FROM inserted),
  -- The log's next indexes, after the events are in (the WHERE reads them): the row lock on
  -- log_head is held to COMMIT, so indexes are gapless and follow the commit order.
  counted AS (SELECT count(*) AS n FROM inserted),
  base AS (
    UPDATE log_head SET size = size + (SELECT n FROM counted)
    WHERE (SELECT n FROM counted) > 0
    RETURNING size - (SELECT n FROM counted) AS first),
  logged AS (
    INSERT INTO log (idx, position, state)
    SELECT (SELECT first FROM base) + row_number() OVER (ORDER BY seq) - 1, position,
      CASE WHEN seq = (SELECT max(seq) FROM inserted) THEN $5::text END FROM inserted),
  -- Every instance LISTENing hears of the append when it commits (live updates).
  notified AS (
    SELECT pg_notify($4, json_build_object('initiativeId', $1::text, 'seq', m.seq)::text)
    FROM (SELECT max(seq) AS seq FROM inserted) m WHERE m.seq IS NOT NULL)
  SELECT (SELECT at FROM head) AS at, (SELECT count(*) FROM notified) AS notified`
