-- Issue #7 (one settings document, uploads and media on disk) and the activity log that issue #10 reads too.

-- The activity log: who did what to what, when and from where. Written beside the action it records and never
-- failing it (ActivityLog). `details` is a small JSON object and never holds a secret: an API key is recorded as
-- set, replaced or removed, never by value. business_id is null for what belongs to no business (a failed login
-- for an address nobody has); employee_id is null for what no employee did.
CREATE TABLE activity_logs
(
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id uuid        NULL REFERENCES businesses (id),
    employee_id uuid        NULL REFERENCES employees (id),
    action      text        NOT NULL CHECK (action ~ '^[a-z][a-z_]*(\.[a-z][a-z_]*)+$'),
    target_type text        NULL CHECK (length(target_type) <= 50),
    target_id   text        NULL CHECK (length(target_id) <= 100),
    details     jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
    ip          inet        NULL,
    user_agent  text        NULL CHECK (length(user_agent) <= 512),
    at          timestamptz NOT NULL
);

-- GET /api/activity pages newest first by (at, id), within a business and optionally one employee.
CREATE INDEX ix_activity_logs_business_at ON activity_logs (business_id, at DESC, id DESC);
CREATE INDEX ix_activity_logs_business_employee_at ON activity_logs (business_id, employee_id, at DESC, id DESC);

-- General settings beside the name and time zone the business already has. language is a BCP 47 tag; the away
-- message is what customers are told outside business hours.
ALTER TABLE businesses
    ADD COLUMN language      text NOT NULL DEFAULT 'en' CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$' AND length(language) <= 35),
    ADD COLUMN away_message  text NULL CHECK (length(away_message) BETWEEN 1 AND 1000),
    ADD COLUMN logo_media_id uuid NULL,
    ADD COLUMN primary_color text NULL CHECK (primary_color ~ '^#[0-9A-F]{6}$'),
    ADD COLUMN accent_color  text NULL CHECK (accent_color ~ '^#[0-9A-F]{6}$');

-- The assistant's manner and when it hands a customer to the team. max_misunderstandings null: the cluster's
-- Conversations:Assistant:MaxMisunderstandings.
ALTER TABLE assistant_settings
    ADD COLUMN tone                  text    NOT NULL DEFAULT 'friendly' CHECK (tone IN ('friendly', 'formal', 'concise')),
    ADD COLUMN max_misunderstandings integer NULL CHECK (max_misunderstandings BETWEEN 1 AND 10),
    ADD COLUMN handoff_keywords      text[]  NOT NULL DEFAULT '{}' CHECK (cardinality(handoff_keywords) <= 20);

-- Media bytes move out of the database: new files are written through IMediaStorage (a folder per business on
-- disk by default) and the row keeps only where they are. Rows written before this migration keep their bytes
-- here (storage 'database') and are served from here; they are not moved (see docs/ARCHITECTURE.md).
-- source tells a customer's WhatsApp media from an employee's upload (POST /api/media).
ALTER TABLE media_files
    ADD COLUMN storage     text NOT NULL DEFAULT 'database' CHECK (storage IN ('database', 'disk')),
    ADD COLUMN storage_key text NULL CHECK (length(storage_key) <= 200),
    ADD COLUMN source      text NOT NULL DEFAULT 'whatsapp' CHECK (source IN ('whatsapp', 'upload')),
    ADD COLUMN uploaded_by uuid NULL REFERENCES employees (id),
    ALTER COLUMN bytes DROP NOT NULL,
    ADD CONSTRAINT ck_media_files_bytes_or_key CHECK (
        CASE WHEN storage = 'database' THEN bytes IS NOT NULL AND storage_key IS NULL
             ELSE bytes IS NULL AND storage_key IS NOT NULL END),
    ADD CONSTRAINT ux_media_files_business_id UNIQUE (business_id, id);

CREATE INDEX ix_media_files_uploads ON media_files (business_id, id DESC) WHERE source = 'upload';

-- The logo is a file of the same business; deleting the file removes the logo.
ALTER TABLE businesses
    ADD CONSTRAINT fk_businesses_logo FOREIGN KEY (id, logo_media_id)
        REFERENCES media_files (business_id, id) ON DELETE SET NULL (logo_media_id);

-- Files whose rows are gone, to be deleted from their storage. Whoever deletes a row (the media API, a customer's
-- erasure, any later sweep) leaves its file here through the trigger, in the same transaction, and
-- MediaRemovals deletes the files: so a file never outlives its row for long, whatever deleted the row, and a
-- crash between the two loses nothing.
CREATE TABLE media_removals
(
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    storage     text        NOT NULL,
    storage_key text        NOT NULL,
    queued_at   timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION queue_media_removal() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO media_removals (storage, storage_key) VALUES (OLD.storage, OLD.storage_key);
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_media_files_removal
    AFTER DELETE ON media_files
    FOR EACH ROW WHEN (OLD.storage <> 'database')
    EXECUTE FUNCTION queue_media_removal();
