-- The media store: images, voice notes, videos and documents customers send, fetched from the provider
-- once and kept here, so agents see them after the provider's links expire.
CREATE TABLE media_files
(
    id          uuid        PRIMARY KEY,
    business_id uuid        NOT NULL REFERENCES businesses (id),
    mime_type   text        NOT NULL,
    file_name   text        NULL,
    size_bytes  bigint      NOT NULL,
    sha256      text        NOT NULL,
    bytes       bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_media_files_business ON media_files (business_id, created_at DESC);

-- The outbox also carries inbound messages whose media is still to be fetched from the provider: both are
-- work the number's provider must do, retried with the same backoff and leases.
COMMENT ON TABLE outbox IS 'Provider work per number: outbound messages to send, inbound messages whose media is to be fetched.';
