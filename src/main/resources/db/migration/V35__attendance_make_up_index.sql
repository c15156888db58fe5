-- The students with a make-up seat in a teacher's classes (who that teacher may see): by class and date.
CREATE INDEX ix_attendance_leave_make_up_class ON attendance_leave (make_up_class_id, make_up_date);
