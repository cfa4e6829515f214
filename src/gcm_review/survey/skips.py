"""Skip logic: who was asked each question, from the `relevant` of the question and its groups."""

from __future__ import annotations

import functools

import numpy as np

from gcm_review.survey.coding import BoolArray, CodedQuestion, CodedSurvey, FloatArray, ObjectArray
from gcm_review.survey.records import Form, Problem
from gcm_review.survey.relevant import ExpressionError, evaluate, parse


class SurveyValues:
    """The coded answers seen the way `relevant` expressions read them."""

    def __init__(self, survey: CodedSurvey) -> None:
        self.survey = survey

    @property
    def size(self) -> int:
        return self.survey.size

    def _coded(self, name: str) -> CodedQuestion:
        coded = self.survey.questions.get(name)
        if coded is None:
            raise KeyError(name)
        return coded

    @functools.cache  # noqa: B019 - one SurveyValues per analysis, dropped afterwards
    def text(self, name: str) -> ObjectArray:
        if name not in self.survey.questions and name in self.survey.extra:
            return self.survey.extra[name]
        coded = self._coded(name)
        if coded.codes is not None:
            names = np.array([c.name for c in coded.question.choices] + ["", ""], dtype=object)
            return names[coded.codes]  # -1 and -2 (blank, invalid) give ""
        if coded.selected is not None:
            names = np.array([c.name for c in coded.question.choices], dtype=object)
            joined = np.empty(self.size, dtype=object)
            joined[:] = [" ".join(names[row]) for row in coded.selected]
            return joined
        assert coded.texts is not None
        return coded.texts

    @functools.cache  # noqa: B019
    def number(self, name: str) -> FloatArray:
        coded = self.survey.questions.get(name)
        if coded is not None and coded.numbers is not None:
            return coded.numbers
        texts = self.text(name)
        lookup = {text: _number(text) for text in set(texts)}
        return np.fromiter((lookup[text] for text in texts), dtype=np.float64, count=len(texts))

    def selected(self, name: str, choice: str) -> BoolArray:
        coded = self.survey.questions.get(name)
        if coded is None or coded.selected is None:
            tokens = self.text(name)
            return np.fromiter((choice in text.split() for text in tokens), dtype=bool)
        names = [c.name for c in coded.question.choices]
        if choice not in names:
            return np.zeros(self.size, dtype=bool)
        return coded.selected[:, names.index(choice)]

    def count_selected(self, name: str) -> FloatArray:
        coded = self.survey.questions.get(name)
        if coded is not None and coded.selected is not None:
            return np.asarray(coded.selected.sum(axis=1), dtype=np.float64)
        texts = self.text(name)
        return np.fromiter((len(t.split()) for t in texts), dtype=np.float64, count=len(texts))


def _number(text: str) -> float:
    try:
        return float(text) if text else float("nan")
    except ValueError:
        return float("nan")


def asked_masks(survey: CodedSurvey, form: Form) -> tuple[dict[str, BoolArray], list[Problem]]:
    """For every coded question, who was asked it; problems for conditions that cannot be used."""
    values = SurveyValues(survey)
    results: dict[str, BoolArray | None] = {}
    problems: list[Problem] = []
    masks: dict[str, BoolArray] = {}
    for name, coded in survey.questions.items():
        mask = np.ones(survey.size, dtype=bool)
        for condition in coded.question.conditions:
            if condition not in results:
                results[condition] = _evaluate(condition, values, form.path, name, problems)
            result = results[condition]
            if result is not None:
                mask &= result
        masks[name] = mask
    return masks, problems


_SHOWN = 200  # characters of a condition quoted in a problem line


def _evaluate(
    condition: str, values: SurveyValues, path: str, name: str, problems: list[Problem]
) -> BoolArray | None:
    try:
        return evaluate(parse(condition), values)
    except ExpressionError as exc:
        reason = str(exc)
    except KeyError as exc:
        reason = f"${{{exc.args[0]}}} is not a question found in the data"
    shown = condition if len(condition) <= _SHOWN else condition[: _SHOWN - 3] + "..."
    message = f"relevant '{shown}' of '{name}' cannot be used ({reason}); all counted as asked"
    problems.append(Problem("relevant", path, message, sheet="survey", column="relevant"))
    return None


def answered_not_asked(
    survey: CodedSurvey, masks: dict[str, BoolArray], *, path: str, sheet: str
) -> list[Problem]:
    """Answers given to a question whose relevant condition was false (left out of results)."""
    problems = []
    for name, coded in survey.questions.items():
        stray = coded.answered & ~masks[name]
        if stray.any():
            message = f"answers to '{name}' although it was not asked (relevant is false); left out"
            rows = tuple(int(row) for row in survey.row_numbers[stray])
            problems.append(Problem("answered-not-asked", path, message, sheet, name, rows))
    return problems
