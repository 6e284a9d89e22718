-- Hand the attached points and the wanted legs to the pgRouting queries of this transaction (JSON arrays).
SELECT set_config('xiaoan.route_points', :points, true), set_config('xiaoan.route_legs', :legs, true)
