"""Primary and secondary suppression: no hidden count can be worked out from what is shown."""
import itertools

import numpy as np
import pandas as pd
import pytest

from engage.results.suppression import NOT_SHOWN, label, protect, share

F = label(5)


def _table(rows):
    return pd.DataFrame(rows, index=[f"r{i}" for i in range(len(rows))],
                        columns=[f"c{j}" for j in range(len(rows[0]))])


def test_big_counts_are_shown_with_totals():
    shown = protect(_table([[10, 20], [30, 40]])).display()
    assert shown.to_dict("index") == {
        "r0": {"c0": 10, "c1": 20, "Total": 30}, "r1": {"c0": 30, "c1": 40, "Total": 70},
        "Total": {"c0": 40, "c1": 60, "Total": 100}}


@pytest.mark.parametrize("small", [1, 2, 3, 4])
def test_counts_under_threshold_say_fewer_than(small):
    shown = protect(_table([[small, 20], [30, 40]])).display()
    assert shown.loc["r0", "c0"] == F


def test_zero_and_threshold_itself_are_shown():
    shown = protect(_table([[0, 20], [5, 40]])).display()
    assert shown.loc["r0", "c0"] == 0 and shown.loc["r1", "c0"] == 5


def test_single_small_cell_gets_a_partner_in_its_row_and_column():
    shown = protect(_table([[3, 20, 30], [40, 50, 60]])).display()
    assert shown.loc["r0", "c0"] == F
    # Row r0: 20 is the next smallest; column c0: 40 is the only other cell.
    assert shown.loc["r0", "c1"] == NOT_SHOWN
    assert shown.loc["r1", "c0"] == NOT_SHOWN
    # And r1 now hides one, so its next smallest (50) goes, which pairs column c1.
    assert shown.loc["r1", "c1"] == NOT_SHOWN
    assert shown.loc["r0", "c2"] == 30 and shown.loc["Total", "Total"] == 203


def test_single_column_table_hides_the_total_as_last_resort():
    shown = protect(pd.DataFrame({"n": [3, 40]}, index=["a", "b"])).display()
    # Column n: a (3) is hidden, b must go with it; each row's total mirrors its one cell.
    assert shown.loc["a", "n"] == F and shown.loc["a", "Total"] == F
    assert shown.loc["b", "n"] == NOT_SHOWN and shown.loc["b", "Total"] == NOT_SHOWN
    assert shown.loc["Total", "n"] == 43


def test_small_total_is_hidden_too():
    shown = protect(_table([[1, 2], [30, 40]])).display()
    assert shown.loc["r0", "Total"] == F


def test_share_needs_a_big_enough_base():
    assert share(3, 4) is None and share(0, 0) is None
    assert share(1, 8) == 12.5


def _recoverable(values: np.ndarray, hidden: np.ndarray) -> bool:
    """Say whether some line of the extended table hides exactly one entry."""
    lines = list(hidden) + list(hidden.T)
    return any(line.sum() == 1 for line in lines)


@pytest.mark.parametrize("cells", list(itertools.product([0, 2, 7], repeat=4)))
def test_no_line_ever_hides_exactly_one(cells):
    table = _table([list(cells[:2]), list(cells[2:])])
    result = protect(table)
    hidden = result.hidden.to_numpy()
    assert not _recoverable(result.counts.to_numpy(), hidden)
    # Every small count is hidden, and only hidden counts are labelled.
    values = result.counts.to_numpy()
    assert (hidden[(values > 0) & (values < 5)]).all()
    shown = result.display().to_numpy()
    assert all(isinstance(v, (int, np.integer)) for v in shown[~hidden])


def test_random_tables_are_safe():
    rng = np.random.default_rng(5)
    for _ in range(200):
        shape = rng.integers(1, 6, size=2)
        table = pd.DataFrame(rng.choice([0, 1, 3, 6, 12, 40], size=shape))
        result = protect(table)
        assert not _recoverable(result.counts.to_numpy(), result.hidden.to_numpy())


def test_threshold_is_configurable():
    shown = protect(_table([[7, 20], [30, 40]]), threshold=10).display()
    assert shown.loc["r0", "c0"] == "fewer than 10"
