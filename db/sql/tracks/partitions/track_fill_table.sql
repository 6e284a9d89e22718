-- A partitioned table shaped like track_point that routes one INSERT of staged points to the new month tables
-- of a load (attached to it while empty, detached again, then attached to track_point); dropped before commit.
CREATE TABLE track_fill (LIKE track_point INCLUDING DEFAULTS) PARTITION BY RANGE (ts)
