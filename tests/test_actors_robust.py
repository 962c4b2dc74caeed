"""Actor recognition never raises and keeps its invariants on arbitrary and hostile text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geobrief import Article, Pipeline
from geobrief.actors import recognize_actors

ACTORS_ONLY = Pipeline(stages=(("actors", recognize_actors),), strict=True)

WORDS = st.sampled_from(
    [
        "Russia",
        "North",
        "Korea",
        "the",
        "The",
        "U.S.",
        "Mr.",
        "Foreign",
        "Minister",
        "said",
        "Kim",
        "Jong",
        "Un",
        "of",
        "University",
        "in",
        "Lavrov’s",
        "’s",
        "-",
        ",",
        ".",
        "|",
        "\n",
        "“",
        "”",
        "Inc.",
        "(",
        ")",
        "KCNA",
        "Gen.",
        "leader",
        "Ministry",
        "Defense",
        "al-Qaeda",
        "Xi",
    ]
)


def check_invariants(article: Article) -> None:
    """Spans inside the text, not blank, in order; actors sorted, unique, all referenced."""
    starts = [m.span.start for m in article.mentions]
    assert sorted(starts) == starts
    for m in article.mentions:
        assert 0 <= m.span.start < m.span.end <= len(article.text)
        surface = article.text_of(m)
        assert surface == surface.strip()
    ids = [a.id for a in article.actors]
    assert sorted(set(ids)) == ids
    assert {m.actor_id for m in article.mentions} <= set(ids)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    """Arbitrary Unicode text parses with valid mentions."""
    check_invariants(ACTORS_ONLY.parse(text))


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_word_soup(text: str) -> None:
    """Sequences of the recognizer's own trigger words parse with valid mentions."""
    check_invariants(ACTORS_ONLY.parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Abc " * 20_000,  # one endless capitalized run
        "Minister " * 20_000,  # one endless title run
        "University of " * 10_000,  # endless "X of Y" joins
        "Russia-" * 20_000,  # hyphen chains
        "Mr. " * 20_000,  # abbreviations without names
        "U.S. " * 20_000,
        "KCNA XYZ QRS " * 5_000,  # acronyms
        "Kim said. " * 5_000,  # one surname, many times
        "Ann Lee met Bob Lee. Lee said. " * 2_000,  # shared surnames
        ". " * 30_000,
        "’s " * 30_000,
        "| " * 30_000,
        "the North " * 10_000,
        "\r\n\n" * 100_000,  # whitespace only (the tokenizer once backtracked here)
        "Kim" + " " * 300_000,  # a long trailing run of whitespace
        "U.S." * 50_000 + "x",  # one long dotted acronym
    ],
)
def test_hostile_input(text: str) -> None:
    """Long repetitive inputs finish (pytest's timeout guards a hang) with valid mentions."""
    check_invariants(ACTORS_ONLY.parse(text))
