"""Named exceptions of the core. Each edge (CLI, web) turns them into one user message."""

from __future__ import annotations

from typing import Self


class GcmReviewError(Exception):
    """Base class of every error the core raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def one_line(self) -> str:
        """The message for the user: the problem and what to do."""
        return f"{self}; {self.hint}" if self.hint else str(self)


class InputError(GcmReviewError):
    """A file given to gcm-review cannot be read."""

    def __init__(self, path: str, message: str, *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.path = path

    def one_line(self) -> str:
        """The message for the user: file, problem, what to do."""
        text = f"{self.path}: {self}"
        return f"{text}; {self.hint}" if self.hint else text


class UnsupportedFormat(InputError):
    """The file is not PDF, DOCX, HTML or plain text."""

    hint = "convert it to PDF, DOCX, HTML or plain text and try again"


class EmptyDocument(InputError):
    """The file holds no text at all."""

    hint = "check that the right file was given"


class EncryptedDocument(InputError):
    """The PDF or DOCX is protected by a password."""

    hint = "remove the password protection (save an unprotected copy) and try again"


class CorruptDocument(InputError):
    """The file is damaged and cannot be parsed."""

    hint = "re-export or re-download the file and try again"


class ScannedDocument(InputError):
    """The PDF has pages but no text layer (scanned images); OCR is not supported yet."""

    hint = "run OCR on it first (for example with ocrmypdf) or provide a text version"


class DocumentTooLarge(InputError):
    """The file is larger than the configured limit."""

    hint = "split the file, or raise the limit with --max-file-mb or GCM_REVIEW_MAX_FILE_MB"


class LimitExceeded(InputError):
    """The file goes past a per-file resource limit; the message names the limit's setting."""

    setting = ""

    @classmethod
    def past(cls, path: str, what: str) -> Self:
        """The error for `what` went past the limit, e.g. "document.xml inflates past 100 MB"."""
        return cls(path, f"{what} ({cls.setting})")


class DecompressedTooLarge(LimitExceeded):
    """The parts of a DOCX inflate past the limit on decompressed size (a zip bomb?)."""

    setting = "max_decompressed_mb"
    hint = "raise it with GCM_REVIEW_MAX_DECOMPRESSED_MB if the file is genuine"


class NestingTooDeep(LimitExceeded):
    """The HTML or XML elements nest deeper than the limit."""

    setting = "max_nesting_depth"
    hint = "raise it with GCM_REVIEW_MAX_NESTING_DEPTH if the file is genuine"


class TooManyParagraphs(LimitExceeded):
    """The file holds more paragraphs (or lines) than the limit."""

    setting = "max_paragraphs"
    hint = "split the file, or raise it with GCM_REVIEW_MAX_PARAGRAPHS if the file is genuine"


class ReadingTooSlow(LimitExceeded):
    """Reading, repairing and structuring the file took longer than the limit."""

    setting = "max_read_seconds"
    hint = "raise it with GCM_REVIEW_MAX_READ_SECONDS if the file is genuine"


class ReadingOutOfMemory(LimitExceeded):
    """Reading the file needed more memory than the limit (web uploads)."""

    setting = "max_read_memory_mb"
    hint = "raise it with GCM_REVIEW_MAX_READ_MEMORY_MB if the file is genuine"


class FileNotFound(InputError):
    """The path does not exist or is not readable."""

    hint = "check the path"


class StorageError(GcmReviewError):
    """The database cannot be opened or written."""

    hint = "check DATABASE_URL (or the folder of gcm-review.db) and that the database is reachable"


class SettingsError(GcmReviewError):
    """A setting has an invalid value."""

    hint = "fix the value in the config file, the GCM_REVIEW_* variable or the option"


class DocumentNotFound(GcmReviewError):
    """No stored document has the given id."""

    hint = "list the stored documents with `gcm-review documents`"


class EmbedderUnavailable(GcmReviewError):
    """An embedder cannot be used: its package or model is missing, or the name is unknown."""

    hint = (
        "reinstall gcm-review with its pinned dependencies (pip install -e .) "
        "or choose another embedder"
    )


class ExtraNotInstalled(EmbedderUnavailable):
    """An optional part needs a package of one of gcm-review's extras, which is not installed."""

    def __init__(self, message: str, *, extra: str) -> None:
        super().__init__(
            message,
            hint=f"install the extra with: pip install 'gcm-review[{extra}]' "
            f"(in a clone: pip install -e '.[{extra}]'), or choose another embedder",
        )
        self.extra = extra


class InternalError(GcmReviewError):
    """A bug in gcm-review itself, not a problem with the input; the log file has the details."""

    def __init__(self, message: str, *, path: str | None = None, log_file: str | None = None):
        where = f"the details are in {log_file}" if log_file else "the details are in the log"
        super().__init__(
            message,
            hint=f"this is a bug in gcm-review, not a fault of the file: please report it; {where}",
        )
        self.path = path
        self.log_file = log_file

    def one_line(self) -> str:
        """The message for the user: the file if any, the failure, and where the details are."""
        text = f"{self.path}: {self}" if self.path else str(self)
        return f"{text}; {self.hint}"


class ParagraphNotFound(GcmReviewError):
    """No stored paragraph has the given id."""

    hint = "paragraph ids are the `id` fields of `gcm-review ingest --format json`"


class FrameworkError(GcmReviewError):
    """A framework file (objectives, principles, terms) is missing, unreadable or invalid."""

    hint = "fix the framework TOML file (see src/gcm_review/frameworks/gcm.toml for the schema)"


class LanguageDataError(GcmReviewError):
    """A language data file (languages/data/<code>.toml) is unreadable or invalid."""

    hint = "fix the language file (see src/gcm_review/languages/data/README.md for the fields)"


class OutputError(GcmReviewError):
    """An output folder or file cannot be written."""

    hint = "choose a folder you can write to with --out"


class NothingToReview(GcmReviewError):
    """None of the inputs of a review could be read."""

    hint = "give files or folders of reports in PDF, DOCX, HTML or text (see the errors above)"


class TagNotFound(GcmReviewError):
    """No tag with the given id is stored (or it belongs to a document you cannot see)."""

    hint = "tag ids are the `id` fields of the tags in /api/paragraphs/{id}"


class InvalidLabel(GcmReviewError):
    """A label is not an objective or guiding principle of the framework."""

    hint = "use objective:N (N a number of the framework's objectives) or principle:<key>"


class InvalidDocumentCorrection(GcmReviewError):
    """A correction of a document's country, title, kind or review cycle is not acceptable."""

    hint = "give an ISO 3166 alpha-3 country code and one of the listed kinds of document"


class UserExists(GcmReviewError):
    """An account with that name already exists."""

    hint = "choose another name, or list the accounts with `gcm-review users list`"


class InvalidAccount(GcmReviewError):
    """An account's name, role, country or password is not acceptable."""

    hint = "see `gcm-review users add --help`"


class InvalidCredentials(GcmReviewError):
    """The name or the password is wrong, or the account is disabled."""

    hint = "check the name and the password"


class NotSignedIn(GcmReviewError):
    """The request needs a signed-in account."""

    hint = "sign in first"


class AccessDenied(GcmReviewError):
    """The signed-in account's role does not allow this."""

    hint = "ask an administrator if you need this"


class TooManyAttempts(GcmReviewError):
    """Too many failed sign-ins for one name from one address in a short time."""

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message, hint=f"wait {max(1, retry_after // 60)} minute(s) and try again")
        self.retry_after = retry_after


class AddressUnavailable(GcmReviewError):
    """The web app cannot listen on the given host and port."""

    hint = "choose another --host or --port (is another server already listening there?)"
