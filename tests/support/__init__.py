"""Helpers shared by the tests (and the query benchmark): not part of the installed package."""
