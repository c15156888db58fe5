-- Ownership of leads (admissions, decision 0076): 私海 (a user's own leads) and 公海 (the campus's pool, owner_id NULL).
-- quiet_since is when the owner last did something with the lead (took it, or logged a follow-up): an owned open lead
-- quiet for the campus's number of days goes back to the pool, its owner warned some days before (return_warned_at,
-- cleared whenever quiet_since moves). NULL for a lead in the pool.
ALTER TABLE admission_lead
    ADD COLUMN quiet_since      DATETIME(6),
    ADD COLUMN return_warned_at DATETIME(6);

UPDATE admission_lead l SET quiet_since = GREATEST(l.updated_at, COALESCE(
        (SELECT MAX(f.happened_at) FROM lead_follow_up f WHERE f.lead_id = l.id), l.created_at))
WHERE l.owner_id IS NOT NULL;

-- The return job's look-up: the owned leads of a campus, oldest quiet first.
CREATE INDEX ix_lead_quiet ON admission_lead (campus_id, quiet_since);

-- Where a campus's round of new leads stands: the admissions user who was given the last one.
CREATE TABLE lead_round_robin (
    campus_id    BIGINT      NOT NULL PRIMARY KEY,
    last_user_id BIGINT,
    updated_at   DATETIME(6) NOT NULL,
    CONSTRAINT fk_lead_round_robin_campus FOREIGN KEY (campus_id) REFERENCES campus (id),
    CONSTRAINT fk_lead_round_robin_user FOREIGN KEY (last_user_id) REFERENCES app_user (id)
) ENGINE = InnoDB;

-- An admissions user's presence for the round of new leads: away (holiday, sick leave) from one day to another, both
-- included. Its row is also what a claim locks, so that one user's claims at the same moment count against the cap
-- one after the other.
CREATE TABLE lead_owner_state (
    user_id    BIGINT      NOT NULL PRIMARY KEY,
    away_from  DATE,
    away_until DATE,
    version    BIGINT      NOT NULL DEFAULT 0,
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(100),
    CONSTRAINT ck_lead_owner_away CHECK ((away_from IS NULL) = (away_until IS NULL)
        AND (away_until IS NULL OR away_until >= away_from)),
    CONSTRAINT fk_lead_owner_state_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB;
