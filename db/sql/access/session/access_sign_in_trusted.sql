-- A token for a user named by the SSO proxy, when the dashboard's key is right.
SELECT xiaoan_sign_in_trusted(:u, :k, :h)
