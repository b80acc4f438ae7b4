"""The errors the builder raises: each says what happened, to which file, and what to do."""

from __future__ import annotations

import errno

NO_SPACE = {errno.ENOSPC, errno.EDQUOT}


class KgError(Exception):
    """Base of every error the CLI reports as one line and an exit status."""

    exit_code = 2


class RejectedRelease(KgError):
    """A release file that cannot be ingested; nothing of it reaches the store."""

    exit_code = 1

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class StoreError(KgError):
    """The store cannot be opened or written."""


class NoSpace(StoreError):
    """The disk (or the quota) is full: the command stops, saying where it was writing."""

    def __init__(self, where: str, cause: OSError) -> None:
        super().__init__(f"no space left on the device writing {where} ({cause.strerror or cause}); free some space "
                         "and run the command again")


def out_of_space(exc: BaseException) -> OSError | None:
    """The disk-full error an exception is, or was caused by (through ``raise ... from``), or None."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in NO_SPACE:
            return current
        current = current.__cause__ or current.__context__
    return None


class UnknownName(KgError):
    """A name (query, format, release) that does not exist; lists the valid ones."""

    def __init__(self, kind: str, name: str, choices: list[str]) -> None:
        listed = ", ".join(choices) if choices else "none"
        super().__init__(f"unknown {kind} {name!r}; valid: {listed}")
        self.choices = choices
