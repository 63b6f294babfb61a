"""Helpers the tests share and the commands under tests/ import: the repository and its builds, the site
served on this machine with Debian's Chromium, the published-URL inventory, and reading HTML."""
