-- Attendance reports (decision 0066). The consumption report counts the ledger by when each row was booked: the
-- period's rows, and the rows booked after the period's end (taken off today's balances to give the balances at
-- the end), are ranges of occurred_at.
CREATE INDEX ix_lesson_consumption_occurred ON lesson_consumption (occurred_at);
