-- Record an action of the transaction's user.
SELECT xiaoan_audit(:a, :t, :r)
