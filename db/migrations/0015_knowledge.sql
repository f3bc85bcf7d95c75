-- The knowledge base: a business's FAQ articles, which the assistant answers customers' questions from.

-- A generated column may only call immutable functions, and array_to_string is declared stable for every
-- array type (some element types print according to settings); for text[] its result depends on nothing
-- but its input, so this wrapper may say so.
CREATE FUNCTION knowledge_tag_words(tags text[]) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN array_to_string(tags, ' ');

CREATE TABLE knowledge_articles
(
    id           uuid        PRIMARY KEY,
    business_id  uuid        NOT NULL REFERENCES businesses (id),
    title        text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body         text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    tags         text[]      NOT NULL DEFAULT '{}',
    is_published boolean     NOT NULL DEFAULT true,
    created_by   uuid        NULL REFERENCES employees (id),
    updated_by   uuid        NULL REFERENCES employees (id),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    -- Stemmed with the english configuration, so "opening hours" and "open hour" meet; the title weighs most
    -- (A), then the body (B), then the tags (C), which is what ts_rank_cd's weights rank by.
    search       tsvector    GENERATED ALWAYS AS (
                     setweight(to_tsvector('english', title), 'A')
                     || setweight(to_tsvector('english', body), 'B')
                     || setweight(to_tsvector('english', knowledge_tag_words(tags)), 'C')) STORED
);

CREATE INDEX ix_knowledge_articles_search ON knowledge_articles USING gin (search);
CREATE INDEX ix_knowledge_articles_business ON knowledge_articles (business_id, updated_at DESC);
