-- Craftsman cluster mode on PostgreSQL, 1/4: the query registry.
--
-- Orleans' ADO.NET providers carry no SQL of their own. At start-up each one runs
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- and from then on executes the text stored under the keys it knows, binding its parameters by name
-- (@DeploymentId, @GrainIdHash, ...). Only the table name and these two columns are fixed by the
-- providers (PostgreSQL folds the unquoted names to lower case); everything the query texts touch is
-- ours, defined in 02-04. Each of those scripts upserts its own rows here, so re-applying a script
-- replaces its query texts with the current ones.
--
-- Idempotent: apply with deploy/sql/apply.sh (one transaction per script), as often as you like.

CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text        NOT NULL
);

COMMENT ON TABLE orleansquery IS
    'Query texts looked up by key by Orleans'' ADO.NET providers (clustering, persistence, reminders). Written by deploy/sql/postgresql/*.sql.';
