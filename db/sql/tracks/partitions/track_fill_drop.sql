-- Drop the emptied routing table of a load.
DROP TABLE track_fill
