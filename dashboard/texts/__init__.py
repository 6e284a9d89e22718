"""Parts of the UI text catalogue, one module per page plus the shared texts; merged in dashboard.i18n."""
