-- A customer may add a comment to their rating.
ALTER TABLE conversation_ratings ADD COLUMN comment text NULL CHECK (length(comment) <= 2000);
