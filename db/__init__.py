"""Database layer of XiaoAn: settings, local cluster, models, migrations and analytic SQL."""
