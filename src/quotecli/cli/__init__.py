"""The `quotecli` command line. Importing it never imports spaCy."""

from quotecli.cli.app import app, main

__all__ = ["app", "main"]
