"""The statistics behind the overview, against worked examples and hand calculation."""
import math

import pytest

from engage.results.stats import holm, two_proportion, wilson


def test_wilson_matches_newcombes_worked_example():
    # Newcombe (1998), Statistics in Medicine 17:857, Table I: 81/263 gives 0.2553 to 0.3662.
    low, high = wilson(81, 263)
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)


def test_wilson_stays_inside_zero_and_one_at_the_edges():
    assert wilson(0, 10)[0] == 0.0 and wilson(0, 10)[1] == pytest.approx(0.2775, abs=1e-4)
    assert wilson(10, 10)[1] == 1.0 and wilson(10, 10)[0] == pytest.approx(0.7225, abs=1e-4)
    assert wilson(0, 0) == (0.0, 1.0)


def test_two_proportion_by_hand():
    # 60/100 against 45/100: pooled 0.525, se = sqrt(0.525 * 0.475 * 0.02) = 0.070623, z = 2.1240
    result = two_proportion(60, 100, 45, 100)
    assert result.difference == pytest.approx(0.15)
    assert result.z == pytest.approx(0.15 / math.sqrt(0.525 * 0.475 * 0.02))
    assert result.z == pytest.approx(2.1240, abs=1e-4)
    assert result.p == pytest.approx(0.0337, abs=1e-4)  # two-sided normal tail at 2.124


def test_two_proportion_with_no_difference_or_no_people():
    assert two_proportion(5, 10, 50, 100).p == pytest.approx(1.0)
    assert two_proportion(0, 0, 5, 10).p == 1.0
    assert two_proportion(10, 10, 20, 20).p == 1.0  # everyone agrees: nothing to test


def test_holm_step_down():
    # Sorted 0.005, 0.01, 0.03, 0.04 get x4, x3, x2, x1, kept from falling: 0.02, 0.03, 0.06, 0.06
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert holm([0.5, 0.9]) == pytest.approx([1.0, 1.0])
    assert holm([]) == []
