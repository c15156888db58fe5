-- The daily e-mail of a user's due follow-ups (admissions, decision 0072). Whether a user wants it is a preference
-- of their account, like its language: off until they turn it on.
ALTER TABLE app_user ADD COLUMN follow_up_digest BOOLEAN NOT NULL DEFAULT FALSE;

-- Whose digest of which day was put in the outbox: the job sends each user one a day however often it runs (the
-- primary key decides, in the transaction that writes the message).
CREATE TABLE lead_digest_sent (
    user_id BIGINT      NOT NULL,
    sent_on DATE        NOT NULL,
    sent_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, sent_on),
    CONSTRAINT fk_lead_digest_sent_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB;
