-- Scheduled jobs run once across nodes: ShedLock's lock row per job, its times kept by the database's clock
-- (usingDbTime), so nodes whose clocks differ still agree.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL
) ENGINE = InnoDB;

-- Every run of a scheduled job: on its schedule or started by a user; append only but for the outcome of a run
-- that finishes. RUNNING rows whose node died are closed as FAILED when the job next runs.
CREATE TABLE job_run (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_name    VARCHAR(100) NOT NULL,
    started_how VARCHAR(20)  NOT NULL,
    started_by  VARCHAR(100) NOT NULL,
    node        VARCHAR(255) NOT NULL,
    started_at  DATETIME(6)  NOT NULL,
    finished_at DATETIME(6),
    outcome     VARCHAR(20)  NOT NULL,
    result_key  VARCHAR(120),
    result_args TEXT,
    error       TEXT,
    INDEX ix_job_run_job (job_name, started_at),
    INDEX ix_job_run_outcome (outcome, started_at)
) ENGINE = InnoDB;
