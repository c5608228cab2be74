"""Process exit codes: a promise to shell scripts, documented in the README."""

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    NO_MATCH = 1
    ERROR = 2
    INTERRUPTED = 130
