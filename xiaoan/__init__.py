"""XiaoAn (校安图) command line."""
