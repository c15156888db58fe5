-- Two leads that turn out to be the same inquiry are merged: the older survives, the other is kept (merged_into_id
-- set on it) with its follow-ups and history, which the survivor's page shows as merged. A merge can be undone by
-- an administrator: what the merge filled in on the survivor (fields it lacked) is listed here, so undoing it takes
-- back exactly that and no later edit.
CREATE TABLE lead_merge (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    survivor_id   BIGINT       NOT NULL,
    merged_id     BIGINT       NOT NULL,
    filled        VARCHAR(300),
    merged_at     DATETIME(6)  NOT NULL,
    merged_by     VARCHAR(100),
    undone_at     DATETIME(6),
    undone_by     VARCHAR(100),
    INDEX ix_lead_merge_survivor (survivor_id),
    INDEX ix_lead_merge_merged (merged_id),
    CONSTRAINT fk_lead_merge_survivor FOREIGN KEY (survivor_id) REFERENCES admission_lead (id),
    CONSTRAINT fk_lead_merge_merged FOREIGN KEY (merged_id) REFERENCES admission_lead (id)
) ENGINE = InnoDB;

CREATE INDEX ix_lead_merged_into ON admission_lead (merged_into_id);
