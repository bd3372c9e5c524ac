"""What a supervisor types into the search box: made safe for FTS5, or refused with a reason."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxassist.domain.errors import UserError
from cxassist.store.query.text import search_expression


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("refund", '"refund"'),
        ("refu*", '"refu"*'),
        ("refund appr*", '"refund" "appr"*'),
        ("boil* refu*", '"boil"* "refu"*'),
        ("re*", '"re"'),  # a prefix of two characters is searched as a whole word
        ("Flat 4 b", '"Flat" "4" "b"'),
        ('"unclosed', '"unclosed"'),
        ("NEAR(refund", '"NEAR" "refund"'),
        ("refund AND NOT card", '"refund" "AND" "NOT" "card"'),
        ("café", '"café"'),
    ],
)
def test_words_become_quoted_terms(typed: str, expression: str) -> None:
    assert search_expression(typed) == expression


@pytest.mark.parametrize("typed", ["", "   ", "***", '"(', "-- ;", "*:^"])
def test_nothing_to_search_for_is_refused(typed: str) -> None:
    with pytest.raises(UserError, match="no letters or digits"):
        search_expression(typed)


def test_fts_syntax_alone_is_only_a_word() -> None:
    assert search_expression("NEAR(") == '"NEAR"'
    assert search_expression('"unclosed AND') == '"unclosed" "AND"'


@pytest.mark.parametrize("typed", ["a", "x y", "a*", "1"])
def test_one_character_words_alone_are_refused(typed: str) -> None:
    with pytest.raises(UserError, match="at least two letters or digits"):
        search_expression(typed)


@given(st.text(max_size=200))
def test_any_text_is_refused_cleanly_or_made_of_quoted_terms(typed: str) -> None:
    try:
        expression = search_expression(typed)
    except UserError:
        return
    for term in expression.split(" "):
        assert term.startswith('"') and term.rstrip("*").endswith('"')
        assert '"' not in term.rstrip("*")[1:-1]
