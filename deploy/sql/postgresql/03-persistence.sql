-- Craftsman cluster mode on PostgreSQL, 3/4: grain state (Microsoft.Orleans.Persistence.AdoNet).
--
-- Contract (Orleans 10.4.2, invariant "Npgsql"). A grain's state is named by
--   @ServiceId text, @GrainTypeString text (the state name, e.g. "contest"), @GrainIdN0 bigint,
--   @GrainIdN1 bigint, @GrainIdExtensionString text or NULL (string keys: the key; integer/Guid keys:
--   the key extension); the provider also sends @GrainTypeHash int and @GrainIdHash int.
-- @GrainStateVersion int is the caller's ETag: NULL when it believes no row exists.
-- @PayloadBinary bytea is the serialized state (whatever serializer the storage is configured with).
--
--   ReadFromStorageKey (key) -> zero rows (no state) or one row: PayloadBinary (NULL after a clear),
--                      Version.
--   WriteToStorageKey  (key, GrainStateVersion, PayloadBinary) -> exactly one row, one column
--                      NewGrainStateVersion: the new version if the write happened, NULL if the ETag
--                      did not match (the provider then throws InconsistentStateException). A NULL
--                      ETag may only create the row; a non-NULL one may only replace that version.
--   ClearStorageKey    (key, GrainStateVersion) -> one row, first column: the new version, the row
--                      kept with a NULL payload; NULL on an ETag mismatch.
--   DeleteStorageKey   (key, GrainStateVersion) -> one row, first column: non-NULL if the row of that
--                      version was deleted, NULL on an ETag mismatch. Optional key, used only with
--                      AdoNetGrainStorageOptions.DeleteStateOnClear = true.
--
-- The natural key identifies the row; the hashes are stored for information only, so a change of the
-- provider's hasher cannot orphan state. A NULL key extension is stored as '' (Orleans treats an
-- empty extension as none). Versions wrap from 2147483647 to 1, never to a value the caller holds.
-- Keys are limited by the B-tree entry size (about 2.7 kB for the whole key).
--
-- Idempotent: apply with deploy/sql/apply.sh.

CREATE TABLE IF NOT EXISTS orleans_grain_state (
    service_id         text        NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NOT NULL,
    grain_type_hash    integer     NOT NULL,
    grain_id_hash      integer     NOT NULL,
    payload            bytea,
    version            integer     NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

CREATE OR REPLACE FUNCTION orleans_grain_state_next_version(v integer)
RETURNS integer
LANGUAGE sql
IMMUTABLE
AS $fn$
    SELECT CASE WHEN v = 2147483647 THEN 1 ELSE v + 1 END;
$fn$;

-- Writes (p_clear = false) or clears (p_clear = true, payload set to NULL) one grain's state if
-- p_expected_version is what storage holds. Returns the new version, or NULL on a version conflict.
CREATE OR REPLACE FUNCTION orleans_grain_state_write(
    p_service_id         text,
    p_grain_type         text,
    p_grain_type_hash    integer,
    p_grain_id_n0        bigint,
    p_grain_id_n1        bigint,
    p_grain_id_extension text,
    p_grain_id_hash      integer,
    p_expected_version   integer,
    p_payload            bytea,
    p_clear              boolean DEFAULT false)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        -- The caller saw no row: create it, unless another activation got there first.
        INSERT INTO orleans_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
                                         grain_type_hash, grain_id_hash, payload, version, modified_at)
        VALUES (p_service_id, p_grain_type, p_grain_id_n0, p_grain_id_n1, coalesce(p_grain_id_extension, ''),
                p_grain_type_hash, p_grain_id_hash, CASE WHEN p_clear THEN NULL ELSE p_payload END, 1, now())
        ON CONFLICT (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension) DO NOTHING
        RETURNING version INTO new_version;
    ELSE
        UPDATE orleans_grain_state
           SET payload = CASE WHEN p_clear THEN NULL ELSE p_payload END,
               version = orleans_grain_state_next_version(version),
               grain_type_hash = p_grain_type_hash,
               grain_id_hash = p_grain_id_hash,
               modified_at = now()
         WHERE service_id = p_service_id
           AND grain_type = p_grain_type
           AND grain_id_n0 = p_grain_id_n0
           AND grain_id_n1 = p_grain_id_n1
           AND grain_id_extension = coalesce(p_grain_id_extension, '')
           AND version = p_expected_version
        RETURNING version INTO new_version;
    END IF;
    RETURN new_version;
END
$fn$;

-- Deletes one grain's row if it holds p_expected_version. Returns the version the row would have had
-- next (never equal to the caller's ETag), or NULL on a version conflict.
CREATE OR REPLACE FUNCTION orleans_grain_state_delete(
    p_service_id         text,
    p_grain_type         text,
    p_grain_id_n0        bigint,
    p_grain_id_n1        bigint,
    p_grain_id_extension text,
    p_expected_version   integer)
RETURNS integer
LANGUAGE sql
AS $fn$
    WITH deleted AS (
        DELETE FROM orleans_grain_state
         WHERE service_id = p_service_id
           AND grain_type = p_grain_type
           AND grain_id_n0 = p_grain_id_n0
           AND grain_id_n1 = p_grain_id_n1
           AND grain_id_extension = coalesce(p_grain_id_extension, '')
           AND version = p_expected_version
        RETURNING version
    )
    SELECT orleans_grain_state_next_version(version) FROM deleted
    UNION ALL
    SELECT NULL WHERE NOT EXISTS (SELECT FROM deleted)
    LIMIT 1;
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
    SELECT payload AS "PayloadBinary", version AS "Version"
      FROM orleans_grain_state
     WHERE service_id = @ServiceId
       AND grain_type = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_id_extension = coalesce(@GrainIdExtensionString, '');
$q$),
('WriteToStorageKey', $q$
    SELECT orleans_grain_state_write(@ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdN0, @GrainIdN1,
                                     @GrainIdExtensionString, @GrainIdHash, @GrainStateVersion, @PayloadBinary)
           AS "NewGrainStateVersion";
$q$),
('ClearStorageKey', $q$
    SELECT orleans_grain_state_write(@ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdN0, @GrainIdN1,
                                     @GrainIdExtensionString, @GrainIdHash, @GrainStateVersion, NULL, true)
           AS "NewGrainStateVersion";
$q$),
('DeleteStorageKey', $q$
    SELECT orleans_grain_state_delete(@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1,
                                      @GrainIdExtensionString, @GrainStateVersion)
           AS "NewGrainStateVersion";
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
