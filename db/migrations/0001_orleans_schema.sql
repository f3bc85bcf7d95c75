-- The schema the Orleans ADO.NET providers (clustering, grain storage, reminders) run against.
--
-- The providers ship no PostgreSQL schema in their packages. They read their statements from the
-- table OrleansQuery (key -> SQL text) and rely only on the parameter names they bind and the
-- column names they read back, so the tables below are ours. Conditional writes return a single
-- boolean (true = applied), and a write that is refused leaves nothing behind.
-- Contract: https://learn.microsoft.com/dotnet/orleans/host/configuration-guide/adonet-configuration
-- and the providers' RelationalOrleansQueries / DbStoredQueries (Orleans 10.4.2).

CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-------------------------------------------------------------------------------------------------
-- Clustering: one version row per deployment (optimistic concurrency for the whole table) and
-- one row per silo incarnation.
-------------------------------------------------------------------------------------------------

CREATE TABLE orleans_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    changed_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0
);

CREATE TABLE orleans_membership
(
    deployment_id   varchar(150)  NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)   NOT NULL,
    port            integer       NOT NULL,
    generation      integer       NOT NULL,
    silo_name       varchar(150)  NOT NULL,
    host_name       varchar(150)  NOT NULL,
    status          integer       NOT NULL,
    proxy_port      integer       NULL,
    suspect_times   varchar(8000) NULL,
    start_time      timestamptz   NOT NULL,
    i_am_alive_time timestamptz   NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Adds a silo row and bumps the table version in one step; false (and no row) when the version the
-- silo read is stale or the row exists.
CREATE FUNCTION orleans_membership_insert(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer,
    p_silo_name varchar, p_host_name varchar, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive_time timestamptz, p_expected_version integer)
RETURNS boolean LANGUAGE plpgsql AS
$fn$
BEGIN
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
            p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id AND version = p_expected_version;
    IF NOT FOUND THEN
        -- Undo the insert: the caller must re-read the table and try again.
        RAISE SQLSTATE 'OR409';
    END IF;
    RETURN true;
EXCEPTION
    WHEN SQLSTATE 'OR409' THEN
        RETURN false;
END
$fn$;

-- Changes a silo's status and suspicions and bumps the table version; false (and no change) when
-- the version is stale or the row is gone.
CREATE FUNCTION orleans_membership_update(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer,
    p_status integer, p_suspect_times varchar, p_i_am_alive_time timestamptz, p_expected_version integer)
RETURNS boolean LANGUAGE plpgsql AS
$fn$
BEGIN
    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id AND version = p_expected_version;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
    SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
    WHERE deployment_id = p_deployment_id AND address = p_address
      AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RAISE SQLSTATE 'OR409';
    END IF;
    RETURN true;
EXCEPTION
    WHEN SQLSTATE 'OR409' THEN
        RETURN false;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
    WITH created AS (
        INSERT INTO orleans_membership_version (deployment_id)
        VALUES (@DeploymentId::varchar)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM created);
$q$),
('InsertMembershipKey', $q$
    SELECT orleans_membership_insert(@DeploymentId::varchar, @Address::varchar, @Port::integer,
        @Generation::integer, @SiloName::varchar, @HostName::varchar, @Status::integer,
        @ProxyPort::integer, @StartTime::timestamptz, @IAmAliveTime::timestamptz, @Version::integer);
$q$),
('UpdateMembershipKey', $q$
    SELECT orleans_membership_update(@DeploymentId::varchar, @Address::varchar, @Port::integer,
        @Generation::integer, @Status::integer, @SuspectTimes::varchar, @IAmAliveTime::timestamptz,
        @Version::integer);
$q$),
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans_membership
    SET i_am_alive_time = @IAmAliveTime::timestamptz
    WHERE deployment_id = @DeploymentId::varchar AND address = @Address::varchar
      AND port = @Port::integer AND generation = @Generation::integer;
$q$),
('MembershipReadRowKey', $q$
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port,
           m.generation AS Generation, m.silo_name AS SiloName, m.host_name AS HostName,
           m.status AS Status, m.proxy_port AS ProxyPort, m.suspect_times AS SuspectTimes,
           m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime, v.version AS Version
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m
           ON m.deployment_id = v.deployment_id
          AND m.address = @Address::varchar AND m.port = @Port::integer
          AND m.generation = @Generation::integer
    WHERE v.deployment_id = @DeploymentId::varchar;
$q$),
('MembershipReadAllKey', $q$
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port,
           m.generation AS Generation, m.silo_name AS SiloName, m.host_name AS HostName,
           m.status AS Status, m.proxy_port AS ProxyPort, m.suspect_times AS SuspectTimes,
           m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime, v.version AS Version
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId::varchar;
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId::varchar;
$q$),
('GatewaysQueryKey', $q$
    SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
    FROM orleans_membership
    WHERE deployment_id = @DeploymentId::varchar AND status = @Status::integer AND proxy_port > 0;
$q$),
('CleanupDefunctSiloEntriesKey', $q$
    -- Status 3 is SiloStatus.Active: a live silo is never removed, however late its heartbeat.
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId::varchar
      AND i_am_alive_time < @IAmAliveTime::timestamptz
      AND status <> 3;
$q$);

-------------------------------------------------------------------------------------------------
-- Grain storage: one row per grain state, the payload in Orleans' binary format, an integer
-- version as the ETag.
-------------------------------------------------------------------------------------------------

CREATE TABLE orleans_grain_state
(
    service_id          varchar(150) NOT NULL,
    grain_type_hash     integer      NOT NULL,
    grain_id_hash       integer      NOT NULL,
    grain_id_n0         bigint       NOT NULL,
    grain_id_n1         bigint       NOT NULL,
    grain_type          varchar(512) NOT NULL,
    grain_id_extension  varchar(512) NULL,
    payload             bytea        NULL,
    version             integer      NOT NULL,
    modified_at         timestamptz  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX ux_orleans_grain_state ON orleans_grain_state
    (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1, grain_type, grain_id_extension)
    NULLS NOT DISTINCT;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
    SELECT payload AS PayloadBinary, now() AS ReadAt, version AS Version
    FROM orleans_grain_state
    WHERE grain_id_hash = @GrainIdHash::integer AND grain_type_hash = @GrainTypeHash::integer
      AND service_id = @ServiceId::varchar AND grain_id_n0 = @GrainIdN0::bigint
      AND grain_id_n1 = @GrainIdN1::bigint AND grain_type = @GrainTypeString::varchar
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString::varchar;
$q$),
-- A write with a version updates only that version; a write without one (state never stored)
-- inserts only when no row exists. Anything else returns the caller's version unchanged, which
-- the provider reports as an InconsistentStateException.
('WriteToStorageKey', $q$
    WITH updated AS (
        UPDATE orleans_grain_state
        SET payload = @PayloadBinary::bytea, version = version + 1, modified_at = now()
        WHERE @GrainStateVersion::integer IS NOT NULL
          AND grain_id_hash = @GrainIdHash::integer AND grain_type_hash = @GrainTypeHash::integer
          AND service_id = @ServiceId::varchar AND grain_id_n0 = @GrainIdN0::bigint
          AND grain_id_n1 = @GrainIdN1::bigint AND grain_type = @GrainTypeString::varchar
          AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString::varchar
          AND version = @GrainStateVersion::integer
        RETURNING version),
    inserted AS (
        INSERT INTO orleans_grain_state (service_id, grain_type_hash, grain_id_hash, grain_id_n0,
            grain_id_n1, grain_type, grain_id_extension, payload, version)
        SELECT @ServiceId::varchar, @GrainTypeHash::integer, @GrainIdHash::integer, @GrainIdN0::bigint,
               @GrainIdN1::bigint, @GrainTypeString::varchar, @GrainIdExtensionString::varchar,
               @PayloadBinary::bytea, 1
        WHERE @GrainStateVersion::integer IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT COALESCE((SELECT version FROM updated), (SELECT version FROM inserted),
                    @GrainStateVersion::integer) AS NewGrainStateVersion;
$q$),
('ClearStorageKey', $q$
    UPDATE orleans_grain_state
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE grain_id_hash = @GrainIdHash::integer AND grain_type_hash = @GrainTypeHash::integer
      AND service_id = @ServiceId::varchar AND grain_id_n0 = @GrainIdN0::bigint
      AND grain_id_n1 = @GrainIdN1::bigint AND grain_type = @GrainTypeString::varchar
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString::varchar
      AND version = @GrainStateVersion::integer
    RETURNING version AS NewGrainStateVersion;
$q$),
-- Used instead of ClearStorageKey when a storage is configured with DeleteStateOnClear; returns the
-- deleted version + 1 so the provider sees the clear as applied.
('DeleteStorageKey', $q$
    DELETE FROM orleans_grain_state
    WHERE grain_id_hash = @GrainIdHash::integer AND grain_type_hash = @GrainTypeHash::integer
      AND service_id = @ServiceId::varchar AND grain_id_n0 = @GrainIdN0::bigint
      AND grain_id_n1 = @GrainIdN1::bigint AND grain_type = @GrainTypeString::varchar
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString::varchar
      AND version = @GrainStateVersion::integer
    RETURNING version + 1 AS NewGrainStateVersion;
$q$);

-------------------------------------------------------------------------------------------------
-- Reminders: one row per grain and reminder name; the grain hash places it on the silo ring.
-------------------------------------------------------------------------------------------------

CREATE TABLE orleans_reminders
(
    service_id    varchar(150) NOT NULL,
    grain_id      varchar(150) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time    timestamptz  NOT NULL,
    period_ms     bigint       NOT NULL,
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX ix_orleans_reminders_ring ON orleans_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpsertReminderRowKey', $q$
    INSERT INTO orleans_reminders AS r (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
    VALUES (@ServiceId::varchar, @GrainId::varchar, @ReminderName::varchar, @StartTime::timestamptz,
            @Period::bigint, @GrainHash::integer, 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
        SET start_time = EXCLUDED.start_time, period_ms = EXCLUDED.period_ms,
            grain_hash = EXCLUDED.grain_hash, version = r.version + 1
    RETURNING r.version AS Version;
$q$),
('ReadReminderRowsKey', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
           period_ms AS Period, version AS Version
    FROM orleans_reminders
    WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar;
$q$),
('ReadReminderRowKey', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
           period_ms AS Period, version AS Version
    FROM orleans_reminders
    WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar
      AND reminder_name = @ReminderName::varchar;
$q$),
-- The ring range (BeginHash, EndHash]; when it wraps around (Begin >= End) the provider asks with
-- ReadRangeRows2Key for the two ends instead.
('ReadRangeRows1Key', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
           period_ms AS Period, version AS Version
    FROM orleans_reminders
    WHERE service_id = @ServiceId::varchar
      AND grain_hash > @BeginHash::integer AND grain_hash <= @EndHash::integer;
$q$),
('ReadRangeRows2Key', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
           period_ms AS Period, version AS Version
    FROM orleans_reminders
    WHERE service_id = @ServiceId::varchar
      AND (grain_hash > @BeginHash::integer OR grain_hash <= @EndHash::integer);
$q$),
('DeleteReminderRowKey', $q$
    WITH removed AS (
        DELETE FROM orleans_reminders
        WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar
          AND reminder_name = @ReminderName::varchar AND version = @Version::integer
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM removed);
$q$),
('DeleteReminderRowsKey', $q$
    DELETE FROM orleans_reminders WHERE service_id = @ServiceId::varchar;
$q$);
