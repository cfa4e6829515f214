"""The password rule every account is held to: at least MIN_PASSWORD_LENGTH characters, and
not common or trivial.

Refused, each with its own message: the account name inside the password; a variant of the word
"password"; fewer than MIN_DISTINCT different characters; a shorter piece repeated; runs of
letters, digits or keyboard keys in order (`abcdefghij`, `qwerty123456`, `1qaz2wsx3edc`); and
anything on the bundled list of common passwords (data/common-passwords.txt, written by
scripts/common-passwords), also when digits and signs are added before or after a listed word
and when letters are written as look-alike digits (`P@ssw0rd`, `Welcome2026!`).
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from gcm_review.errors import InvalidAccount

MIN_PASSWORD_LENGTH = 10
MIN_DISTINCT = 4  # different characters a password must use
MIN_RUN = 3  # characters a piece of a run needs to count as one
MAX_RUN_PIECES = 3  # a password made of this many runs or fewer is refused
LIST_FILE = "common-passwords.txt"
HINT = "choose a longer phrase of unrelated words, or a password manager's suggestion"
# Runs people type: alphabet and digits in order, keyboard rows (QWERTY, QWERTZ, AZERTY) and
# columns; each is also checked reversed.
RUNS = (
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "qwertzuiop",
    "yxcvbnm",
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "qazwsxedcrfvtgbyhnujmikolp",
    "zaq1xsw2cde3vfr4bgt5nhy6mju7",
    "1q2w3e4r5t6y7u8i9o0p",
)
# Look-alike characters read as the letters they stand for.
LOOK_ALIKES = str.maketrans({"@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e"} | {
    "$": "s", "5": "s", "7": "t", "+": "t", "8": "b", "9": "g"})  # fmt: skip
_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")


class WeakPassword(InvalidAccount):
    """The password breaks the password rule."""

    def __init__(self, message: str, *, hint: str | None = None, code: str = "") -> None:
        super().__init__(message, hint=hint)
        self.code = code  # a key of PROBLEMS ("too-short"), "" when none applies


@functools.cache
def common_passwords() -> frozenset[str]:
    """The bundled list of common passwords, lower case."""
    text = resources.files("gcm_review.store").joinpath("data", LIST_FILE).read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@functools.cache
def _run_pieces() -> frozenset[str]:
    pieces: set[str] = set()
    for run in RUNS:
        for text in (run, run[::-1]):
            for start in range(len(text)):
                for end in range(start + MIN_RUN, len(text) + 1):
                    pieces.add(text[start:end])
    return frozenset(pieces)


def _made_of_runs(text: str) -> bool:
    """Whether `text` is MAX_RUN_PIECES or fewer runs (each MIN_RUN characters or more) joined."""
    pieces = _run_pieces()
    reach = {0: 0}  # position -> fewest pieces to get there
    for start in range(len(text)):
        if start not in reach:
            continue
        for end in range(start + MIN_RUN, len(text) + 1):
            if text[start:end] in pieces and reach.get(end, MAX_RUN_PIECES + 1) > reach[start] + 1:
                reach[end] = reach[start] + 1
    return reach.get(len(text), MAX_RUN_PIECES + 1) <= MAX_RUN_PIECES


def _is_common(folded: str) -> bool:
    listed = common_passwords()
    stripped = _EDGES.sub("", folded)
    forms = {folded, stripped, stripped.translate(LOOK_ALIKES)}
    forms.add(_EDGES.sub("", folded.translate(LOOK_ALIKES)))
    return any(form in listed for form in forms if form)


# Each problem's stable code (the web app shows its own words for each) and sentence.
PROBLEMS = {
    "too-short": f"The password must have at least {MIN_PASSWORD_LENGTH} characters.",
    "account-name": "The password must not contain the account name.",
    "password-word": "The password must not be a variant of the word password.",
    "too-few-characters": f"The password must use at least {MIN_DISTINCT} different characters.",
    "repeated": "The password must not be a shorter piece repeated.",
    "run": "The password must not be a run of letters, digits or keyboard keys.",
    "common": "The password is on the list of commonly used passwords.",
}


def problem_code(password: str, *, name: str = "") -> str | None:
    """The code (a key of PROBLEMS) of why the password is refused, or None when acceptable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "too-short"
    folded = password.casefold()
    plain = folded.translate(LOOK_ALIKES)
    account = name.casefold()
    if len(account) >= MIN_RUN and (account in folded or account[::-1] in folded):
        return "account-name"
    if "passw" in plain or "password" in re.sub(r"[\W\d_]", "", plain):
        return "password-word"
    if len(set(folded)) < MIN_DISTINCT:
        return "too-few-characters"
    if re.fullmatch(r"(.+?)\1+", folded):
        return "repeated"
    if _made_of_runs(folded):
        return "run"
    if _is_common(folded):
        return "common"
    return None


def password_problem(password: str, *, name: str = "") -> str | None:
    """Why the password is refused (one sentence), or None when it is acceptable."""
    code = problem_code(password, name=name)
    return None if code is None else PROBLEMS[code]


def check_password(password: str, *, name: str = "") -> None:
    """Raise WeakPassword (with what to do, and the problem's code) when the password breaks
    the rule."""
    code = problem_code(password, name=name)
    if code is not None:
        problem = PROBLEMS[code]
        raise WeakPassword(problem[0].lower() + problem[1:].rstrip("."), hint=HINT, code=code)
