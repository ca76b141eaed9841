-- A rep who marks themselves AWAY may say when they are back. Until then the rings skip them; from then on they count
-- as AVAILABLE again without doing anything. NULL: away until they say otherwise (or not away at all). Portable SQL:
-- H2 2.x and PostgreSQL.
ALTER TABLE rep ADD COLUMN away_until TIMESTAMP WITH TIME ZONE;
