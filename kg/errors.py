"""The errors the builder raises: each says what happened, to which file, and what to do."""

from __future__ import annotations


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


class UnknownName(KgError):
    """A name (query, format, release) that does not exist; lists the valid ones."""

    def __init__(self, kind: str, name: str, choices: list[str]) -> None:
        listed = ", ".join(choices) if choices else "none"
        super().__init__(f"unknown {kind} {name!r}; valid: {listed}")
        self.choices = choices
