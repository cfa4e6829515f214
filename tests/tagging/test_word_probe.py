from __future__ import annotations

import numpy as np
import pytest

from gcm_review.tagging.word_probe import (
    DIMENSIONS,
    fit_dual,
    fit_word_probe,
    word_kernel,
    word_slots,
)

TEXTS = [
    "Remittances sent home by migrant workers rose by ten per cent.",
    "The central bank reports remittance inflows and transfer costs.",
    "Border guards screen arrivals and refer victims of trafficking.",
    "The law punishes trafficking in persons with prison terms.",
    "The committee adopted its agenda and closed the meeting.",
]
TARGETS = np.array([[1, 0], [1, 0], [0, 1], [0, 1], [0, 0]], dtype=bool)


def test_words_are_cut_digits_dropped_and_han_read_in_pairs() -> None:
    assert len(word_slots("remittances remittance 2021")) == 1  # both cut to "remitta"
    assert len(word_slots("移民工人")) == 3  # 移民, 民工, 工人
    assert np.array_equal(word_slots("外籍勞工權益"), word_slots("外籍劳工权益"))
    assert word_slots("").size == 0
    assert all(0 <= slot < DIMENSIONS for slot in word_slots("Migrants et migrantes, 移民"))


def test_kernel_is_the_cosine_of_word_sets() -> None:
    rows = [word_slots(t) for t in ("a b c", "a b d e", "")]
    kernel = word_kernel(rows, rows)
    assert kernel[0, 0] == pytest.approx(1.0)
    assert kernel[0, 1] == pytest.approx(2 / np.sqrt(3 * 4))
    assert kernel[2].tolist() == [0.0, 0.0, 0.0]


def test_the_primal_probe_scores_as_its_dual_form() -> None:
    rows = [word_slots(t) for t in TEXTS]
    counts = np.ones(TARGETS.shape, dtype=np.int64)
    probe = fit_word_probe(rows, TARGETS, counts)
    coefficients, bias = fit_dual(word_kernel(rows, rows), TARGETS, counts)
    new = ["Migrant workers pay high fees to send remittances home."]
    dual = word_kernel([word_slots(new[0])], rows) @ coefficients + bias
    assert probe.scores(new) == pytest.approx(dual.astype(np.float32), abs=1e-5)
    assert probe.scores(new)[0, 0] > probe.scores(new)[0, 1]


def test_unknown_cells_are_left_out_of_their_label_only() -> None:
    rows = [word_slots(t) for t in TEXTS]
    counts = np.ones(TARGETS.shape, dtype=np.int64)
    counts[0, 1] = 0  # row 0 does not know label 1
    coefficients, _ = fit_dual(word_kernel(rows, rows), TARGETS, counts)
    assert coefficients[0, 1] == 0.0
    assert coefficients[0, 0] != 0.0
