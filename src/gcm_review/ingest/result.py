"""What every format reader returns, the limits it works within, and the one reader signature."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from gcm_review.errors import TooManyParagraphs
from gcm_review.model import Block
from gcm_review.settings import Settings


@dataclass(frozen=True)
class ReadLimits:
    """Per-file limits a reader keeps to, so memory and time stay bounded whatever the input."""

    max_decompressed_bytes: int = int(Settings.max_decompressed_mb * 1_000_000)
    max_depth: int = Settings.max_nesting_depth
    max_blocks: int = Settings.max_paragraphs

    @classmethod
    def from_settings(cls, settings: Settings) -> ReadLimits:
        return cls(
            max_decompressed_bytes=settings.max_decompressed_bytes,
            max_depth=settings.max_nesting_depth,
            max_blocks=settings.max_paragraphs,
        )

    def check_blocks(self, count: int, *, path: Path) -> None:
        """Raise TooManyParagraphs once a reader has found more blocks than the limit."""
        if count > self.max_blocks:
            raise TooManyParagraphs.past(
                str(path), f"more than {self.max_blocks} paragraphs or lines"
            )


DEFAULT_LIMITS = ReadLimits()


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

    def __call__(self, data: bytes, *, path: Path, limits: ReadLimits) -> ReadResult: ...


def one_line(text: str, *, limit: int = 160) -> str:
    """Squeeze a library message into one short line, for error messages and problems."""
    squeezed = " ".join(text.split())
    return squeezed if len(squeezed) <= limit else squeezed[: limit - 1] + "…"
