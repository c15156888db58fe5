-- The unit an OWED row's quantity is in: the unit of the package the lesson would have been taken from (lessons when
-- the student had none). A package of the other unit that pays the owed lesson later converts it by the session's
-- length (decision 0064): an owed lesson of 90 minutes is 1.50 hours, an owed 1.50 hours of it one lesson.
-- NULL on every other kind of row, and on OWED rows written before this column (read as the paying package's unit).
ALTER TABLE lesson_consumption ADD COLUMN owed_unit VARCHAR(10) NULL;
