-- Craftsman cluster mode on PostgreSQL, 4/4: reminders (Microsoft.Orleans.Reminders.AdoNet).
--
-- Contract (Orleans 10.4.2, invariant "Npgsql"). A reminder is named by (@ServiceId text, @GrainId text,
-- @ReminderName text). @GrainHash int is the grain's uniform hash as a signed int; @StartTime is UTC;
-- @Period is the period in milliseconds (int, or bigint when it does not fit). ETags are the integer
-- Version. Result columns: GrainId, ReminderName, StartTime, Period (bigint, ms), Version.
--
--   ReadReminderRowsKey  (ServiceId, GrainId)               -> that grain's reminders.
--   ReadReminderRowKey   (ServiceId, GrainId, ReminderName) -> zero rows or that reminder.
--   ReadRangeRows1Key    (ServiceId, BeginHash, EndHash)    -> reminders with BeginHash < GrainHash <= EndHash
--                        (the provider uses it when (int)Begin < (int)End).
--   ReadRangeRows2Key    (ServiceId, BeginHash, EndHash)    -> reminders with GrainHash > BeginHash or
--                        GrainHash <= EndHash (the ring range wraps; Begin = End is the whole ring).
--   UpsertReminderRowKey (ServiceId, GrainHash, GrainId, ReminderName, StartTime, Period) -> one row,
--                        column Version: the new ETag (1 for a new reminder, previous + 1 otherwise).
--   DeleteReminderRowKey (ServiceId, GrainId, ReminderName, Version) -> one row, one boolean column:
--                        true if the reminder existed with that ETag and is gone.
--   DeleteReminderRowsKey (ServiceId)                       -> no result; removes all of the service's.
--
-- Idempotent: apply with deploy/sql/apply.sh.

CREATE TABLE IF NOT EXISTS orleans_reminder (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    grain_hash    integer     NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminder_by_hash ON orleans_reminder (service_id, grain_hash);

CREATE OR REPLACE FUNCTION orleans_reminder_upsert(
    p_service_id    text,
    p_grain_hash    integer,
    p_grain_id      text,
    p_reminder_name text,
    p_start_time    timestamptz,
    p_period_ms     bigint)
RETURNS integer
LANGUAGE sql
AS $fn$
    INSERT INTO orleans_reminder AS r (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
    VALUES (p_service_id, p_grain_id, p_reminder_name, p_grain_hash, p_start_time, p_period_ms, 1)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
       SET grain_hash = EXCLUDED.grain_hash,
           start_time = EXCLUDED.start_time,
           period_ms = EXCLUDED.period_ms,
           version = CASE WHEN r.version = 2147483647 THEN 1 ELSE r.version + 1 END
    RETURNING version;
$fn$;

CREATE OR REPLACE FUNCTION orleans_reminder_delete(
    p_service_id    text,
    p_grain_id      text,
    p_reminder_name text,
    p_version       integer)
RETURNS boolean
LANGUAGE sql
AS $fn$
    WITH deleted AS (
        DELETE FROM orleans_reminder
         WHERE service_id = p_service_id AND grain_id = p_grain_id
           AND reminder_name = p_reminder_name AND version = p_version
        RETURNING 1
    )
    SELECT EXISTS (SELECT FROM deleted);
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadReminderRowsKey', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
      FROM orleans_reminder
     WHERE service_id = @ServiceId AND grain_id = @GrainId;
$q$),
('ReadReminderRowKey', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
      FROM orleans_reminder
     WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$q$),
('ReadRangeRows1Key', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
      FROM orleans_reminder
     WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$q$),
('ReadRangeRows2Key', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
      FROM orleans_reminder
     WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),
('UpsertReminderRowKey', $q$
    SELECT orleans_reminder_upsert(@ServiceId, @GrainHash, @GrainId, @ReminderName, @StartTime, @Period) AS "Version";
$q$),
('DeleteReminderRowKey', $q$
    SELECT orleans_reminder_delete(@ServiceId, @GrainId, @ReminderName, @Version) AS "Deleted";
$q$),
('DeleteReminderRowsKey', $q$
    DELETE FROM orleans_reminder WHERE service_id = @ServiceId;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
