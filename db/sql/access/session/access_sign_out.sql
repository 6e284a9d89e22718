-- Sign out the token's user everywhere: tokens issued until now name nobody; audited as sign_out.
SELECT xiaoan_sign_out()
