-- Staging table for one calendar file: terms (what = 'term') or holidays and make-up workdays ('day').
CREATE TEMP TABLE stage_calendar (
    what text, name text, day date, kind text, starts_on date, ends_on date
) ON COMMIT DROP
