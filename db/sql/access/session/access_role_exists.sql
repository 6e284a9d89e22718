-- Whether a role exists in the cluster.
SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :r)
