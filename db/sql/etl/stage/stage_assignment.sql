-- Staging table for one liaison-assignment file.
CREATE TEMP TABLE stage_assignment (
    school_code text, badge_no text, role text, valid_from date, valid_to date
) ON COMMIT DROP
