-- Prompt templates: the system prompt the assistant's language model gets in each flow state of a business.
-- A business starts with one built-in default per state (seeded when it is created, or on first listing for
-- businesses older than this migration); owners and admins edit them or write their own. A state without an
-- active template renders the built-in default, so the assistant always has a prompt.

CREATE TABLE prompt_templates
(
    id          uuid        PRIMARY KEY,
    business_id uuid        NOT NULL REFERENCES businesses (id),
    flow_state  text        NOT NULL CHECK (flow_state IN ('greeting', 'service_selection', 'scheduling', 'confirmation',
                                                           'payment', 'booked', 'faq', 'handoff')),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    version     integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    is_active   boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  uuid        NULL REFERENCES employees (id),
    -- Deleting keeps the row (and its versions, kept forever) out of every list; a deleted template is never active.
    deleted_at  timestamptz NULL,
    CHECK (deleted_at IS NULL OR NOT is_active)
);

-- What the assistant reads on every turn, and the rule that a state has at most one active template: two
-- activations at once cannot both win.
CREATE UNIQUE INDEX ux_prompt_templates_active ON prompt_templates (business_id, flow_state) WHERE is_active;
CREATE INDEX ix_prompt_templates_business ON prompt_templates (business_id, flow_state);

-- Every saved name and body, append-only: version 1 is the template as created, each change of name or body
-- adds the next.
CREATE TABLE prompt_template_versions
(
    template_id uuid        NOT NULL REFERENCES prompt_templates (id),
    version     integer     NOT NULL CHECK (version >= 1),
    business_id uuid        NOT NULL REFERENCES businesses (id),
    name        text        NOT NULL,
    body        text        NOT NULL,
    changed_by  uuid        NULL REFERENCES employees (id),
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (template_id, version)
);
