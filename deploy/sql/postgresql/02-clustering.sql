-- Craftsman cluster mode on PostgreSQL, 2/4: cluster membership (Microsoft.Orleans.Clustering.AdoNet).
--
-- Contract (Orleans 10.4.2, invariant "Npgsql"). Every query is scoped by @DeploymentId, the ClusterId.
-- A silo is identified by (@Address text, @Port int, @Generation int). Times are UTC (timestamptz).
-- @Status is the integer SiloStatus (3 = Active, 6 = Dead). @Version is the table version (the ETag).
--
--   InsertMembershipVersionKey      (DeploymentId) -> one row, one boolean column: true if the table's
--                                   version row was created now, false if it existed.
--   MembershipReadAllKey            (DeploymentId) -> Version, Address, Port, Generation, SiloName,
--                                   HostName, Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime;
--                                   one row per silo, each carrying the table version; at least one row
--                                   (silo columns NULL) when there are no silos, since the provider takes
--                                   the version from the first row.
--   MembershipReadRowKey            (DeploymentId, Address, Port, Generation) -> as above, for one silo.
--   InsertMembershipKey             (DeploymentId, Address, Port, Generation, SiloName, HostName, Status,
--                                   ProxyPort, StartTime, IAmAliveTime, Version) -> boolean: true only if
--                                   the table version still equals @Version and the silo was not there;
--                                   then the row is added and the version moves on, atomically.
--   UpdateMembershipKey             (DeploymentId, Address, Port, Generation, Status, SuspectTimes,
--                                   IAmAliveTime, Version) -> boolean, same version check and bump.
--   UpdateIAmAlivetimeKey           (DeploymentId, Address, Port, Generation, IAmAliveTime) -> no result;
--                                   a heartbeat, deliberately without version check or bump.
--   GatewaysQueryKey                (DeploymentId, Status) -> Address, ProxyPort, Generation of silos in
--                                   that status with a gateway (ProxyPort > 0).
--   DeleteMembershipTableEntriesKey (DeploymentId) -> no result; forgets the whole cluster.
--   CleanupDefunctSiloEntryKey      (DeploymentId, Address, Port, Generation, StartTime, IAmAliveTime,
--                                   SuspectTimes) -> no result; deletes that Dead silo's row if it is
--                                   still exactly as the provider read it (the provider has checked the
--                                   cut-off). Optional key; 10.4.2 prefers it when present.
--   CleanupDefunctSiloEntriesKey    (DeploymentId, IAmAliveTime = cut-off) -> no result; deletes Dead
--                                   silos whose start and last heartbeat precede the cut-off (fallback).
--
-- The version row doubles as the table lock: every change that moves the version takes it FOR UPDATE
-- first, so concurrent writers serialise on it and exactly one of two racing writers with the same
-- @Version wins.
--
-- Idempotent: apply with deploy/sql/apply.sh.

CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deployment_id text        NOT NULL PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership (
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

CREATE OR REPLACE FUNCTION orleans_membership_insert_version(p_deployment_id text)
RETURNS boolean
LANGUAGE sql
AS $fn$
    WITH created AS (
        INSERT INTO orleans_membership_version (deployment_id)
        VALUES (p_deployment_id)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1
    )
    SELECT EXISTS (SELECT FROM created);
$fn$;

-- Locks the version row and tells whether it still holds the expected version.
CREATE OR REPLACE FUNCTION orleans_membership_lock_version(p_deployment_id text, p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
DECLARE
    current_version integer;
BEGIN
    SELECT version INTO current_version
      FROM orleans_membership_version
     WHERE deployment_id = p_deployment_id
       FOR UPDATE;
    RETURN FOUND AND current_version = p_expected_version;
END
$fn$;

CREATE OR REPLACE FUNCTION orleans_membership_bump_version(p_deployment_id text)
RETURNS void
LANGUAGE sql
AS $fn$
    UPDATE orleans_membership_version
       SET version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END,
           changed_at = now()
     WHERE deployment_id = p_deployment_id;
$fn$;

CREATE OR REPLACE FUNCTION orleans_membership_insert_member(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_silo_name        text,
    p_host_name        text,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF NOT orleans_membership_lock_version(p_deployment_id, p_expected_version) THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, suspect_times, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
            p_status, p_proxy_port, NULL, p_start_time, p_i_am_alive_time)
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;   -- that silo is already in the table: nothing changed, version untouched
    END IF;

    PERFORM orleans_membership_bump_version(p_deployment_id);
    RETURN true;
END
$fn$;

CREATE OR REPLACE FUNCTION orleans_membership_update_member(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    text,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF NOT orleans_membership_lock_version(p_deployment_id, p_expected_version) THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
       SET status = p_status,
           suspect_times = p_suspect_times,
           i_am_alive_time = p_i_am_alive_time
     WHERE deployment_id = p_deployment_id
       AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    PERFORM orleans_membership_bump_version(p_deployment_id);
    RETURN true;
END
$fn$;

-- Silo rows of one cluster, each with the table version; a single row of NULL silo columns when the
-- cluster has none (or, with a specific silo, when that silo is not there).
CREATE OR REPLACE FUNCTION orleans_membership_read(
    p_deployment_id text,
    p_address       text DEFAULT NULL,
    p_port          integer DEFAULT NULL,
    p_generation    integer DEFAULT NULL)
RETURNS TABLE (
    "Version"      integer,
    "Address"      text,
    "Port"         integer,
    "Generation"   integer,
    "SiloName"     text,
    "HostName"     text,
    "Status"       integer,
    "ProxyPort"    integer,
    "SuspectTimes" text,
    "StartTime"    timestamptz,
    "IAmAliveTime" timestamptz)
LANGUAGE sql
STABLE
AS $fn$
    SELECT coalesce(v.version, 0),
           m.address, m.port, m.generation, m.silo_name, m.host_name, m.status, m.proxy_port,
           m.suspect_times, m.start_time, m.i_am_alive_time
      FROM (SELECT p_deployment_id AS deployment_id) AS k
      LEFT JOIN orleans_membership_version AS v ON v.deployment_id = k.deployment_id
      LEFT JOIN orleans_membership AS m
             ON m.deployment_id = k.deployment_id
            AND (p_address IS NULL OR (m.address = p_address AND m.port = p_port AND m.generation = p_generation))
     ORDER BY m.address, m.port, m.generation;
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
    SELECT orleans_membership_insert_version(@DeploymentId) AS "Inserted";
$q$),
('MembershipReadAllKey', $q$
    SELECT * FROM orleans_membership_read(@DeploymentId);
$q$),
('MembershipReadRowKey', $q$
    SELECT * FROM orleans_membership_read(@DeploymentId, @Address, @Port, @Generation);
$q$),
('InsertMembershipKey', $q$
    SELECT orleans_membership_insert_member(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                            @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Inserted";
$q$),
('UpdateMembershipKey', $q$
    SELECT orleans_membership_update_member(@DeploymentId, @Address, @Port, @Generation, @Status,
                                            @SuspectTimes, @IAmAliveTime, @Version) AS "Updated";
$q$),
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans_membership
       SET i_am_alive_time = @IAmAliveTime
     WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$q$),
('GatewaysQueryKey', $q$
    SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
      FROM orleans_membership
     WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$q$),
('CleanupDefunctSiloEntryKey', $q$
    DELETE FROM orleans_membership
     WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
       AND status = 6
       AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
       AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '');
$q$),
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleans_membership
     WHERE deployment_id = @DeploymentId AND status = 6
       AND start_time < @IAmAliveTime AND i_am_alive_time < @IAmAliveTime;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
