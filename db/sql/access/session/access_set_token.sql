-- Scope this transaction to the token's user (policies read it through xiaoan_scope()).
SELECT set_config('xiaoan.token', :t, true)
