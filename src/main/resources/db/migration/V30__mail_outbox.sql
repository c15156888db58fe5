-- The mail outbox (notifications): a module that sends mail writes a row here in the transaction of its change, so a
-- rolled-back change sends nothing; the scheduled sender delivers due rows and records the outcome (decision 0062).
-- Subject and bodies are rendered when the row is written: the row is what was sent. message_id is the Message-ID
-- header, fixed at enqueue, so that a resend after a crash between the server's accept and the SENT update can be
-- recognised by the receiver. claim_token and lease_until mark the sender run that holds a SENDING row; a row whose
-- lease ran out (its sender died) goes back to WAITING.
CREATE TABLE mail_outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(60)  NOT NULL,
    recipient       VARCHAR(254) NOT NULL,
    recipient_name  VARCHAR(200),
    language        VARCHAR(20)  NOT NULL,
    subject         VARCHAR(500) NOT NULL,
    body_text       MEDIUMTEXT   NOT NULL,
    body_html       MEDIUMTEXT   NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    claim_token     CHAR(36),
    lease_until     DATETIME(6),
    last_error      VARCHAR(2000),
    sent_at         DATETIME(6),
    message_id      VARCHAR(255) NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    created_by      VARCHAR(100),
    updated_at      DATETIME(6)  NOT NULL,
    updated_by      VARCHAR(100),
    CONSTRAINT uk_mail_outbox_message_id UNIQUE (message_id),
    INDEX ix_mail_outbox_due (status, next_attempt_at),
    INDEX ix_mail_outbox_claim (claim_token),
    INDEX ix_mail_outbox_status_id (status, id)
) ENGINE = InnoDB;
