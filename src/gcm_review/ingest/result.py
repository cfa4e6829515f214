"""What every format reader returns, and the one signature all readers share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from gcm_review.model import Block


@dataclass(frozen=True)
class ReadResult:
    """The blocks a reader found plus what it learnt about the file; `read` adds the identity."""

    blocks: tuple[Block, ...]
    page_count: int | None = None
    encoding: str | None = None
    metadata_title: str | None = None
    problems: tuple[str, ...] = ()


class Reader(Protocol):
    """A format reader: the file's bytes in, blocks out; raises only the named input errors."""

    def __call__(self, data: bytes, *, path: Path) -> ReadResult: ...


def one_line(text: str, *, limit: int = 160) -> str:
    """Squeeze a library message into one short line, for error messages and problems."""
    squeezed = " ".join(text.split())
    return squeezed if len(squeezed) <= limit else squeezed[: limit - 1] + "…"
