-- Local dates from :a − :gap_s seconds to :b + :gap_s seconds in zone :tz (days new points can affect).
SELECT CAST((CAST(:a AS timestamptz) - make_interval(secs => :gap_s)) AT TIME ZONE :tz AS date) AS first_day,
       CAST((CAST(:b AS timestamptz) + make_interval(secs => :gap_s)) AT TIME ZONE :tz AS date) AS last_day
