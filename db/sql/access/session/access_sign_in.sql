-- A signed token when the password matches (NULL otherwise); every attempt is audited.
SELECT xiaoan_sign_in(:u, :p, :h)
