"""Shortcuts the claims stage takes for speed give the same answers as the plain code."""

from __future__ import annotations

import inspect
import re
import sys
from bisect import bisect_left
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import geobrief
from geobrief._model import Claim, Span, _trusted_claim
from geobrief.claims import _hedge_lemma, _voice_spans, _worth_a_look
from geobrief.claims._clauses import (
    _MAY_OPEN,
    _MAYBE_PARTICIPLE,
    WHITESPACE,
    _trimmed,
    clause_spans,
)
from geobrief.claims._lexicon import match_hedge
from geobrief.statements._context import ArticleContext
from geobrief.statements._frames import opens_participle
from geobrief.statements._resolve import _MAX_MENTIONS_INSIDE, MentionIndex, ids_inside
from geobrief.statements._text import article_sentences

SEED = Path(__file__).resolve().parents[1] / "examples" / "russia_north_korea_brief.txt"


def plain_trimmed(text: str, start: int, end: int) -> Span | None:
    """The character-by-character loop ``_trimmed`` replaces."""
    while start < end and (text[start].isspace() or text[start] in ",—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?;:,"):
        end -= 1
    if end <= start or not any(map(str.isalpha, text[start:end])):
        return None
    return Span(start=start, end=end)


def test_whitespace_is_every_isspace_character() -> None:
    """WHITESPACE holds exactly the characters str.isspace accepts, in all of Unicode."""
    expected = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert expected == WHITESPACE


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=" \t\n\u3000\xa0\u2028\x1c,—–.!?;:-ab1é", max_size=14),
    st.data(),
)
def test_trimmed_matches_the_plain_loop(text: str, data: st.DataObject) -> None:
    """_trimmed (str.lstrip/rstrip) trims exactly as the per-character loop."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert plain_trimmed(text, start, end) == _trimmed(text, start, end)


def test_trusted_claim_takes_every_field() -> None:
    """_trusted_claim's parameters are Claim's fields, so it sets every one of them."""
    expected = [field.name for field in attrs.fields(Claim)]
    assert expected == list(inspect.signature(_trusted_claim).parameters)


def test_trusted_claims_equal_checked_ones() -> None:
    """Each claim of the seed, built unchecked, equals Claim(...) built from its fields,
    field values of the same types included."""
    article = geobrief.parse(SEED.read_text("utf-8"))
    assert article.claims
    for claim in article.claims:
        fields = {field.name: getattr(claim, field.name) for field in attrs.fields(Claim)}
        checked = Claim(**fields)
        assert checked == claim
        expected = [type(getattr(checked, name)) for name in fields]
        assert expected == [type(value) for value in fields.values()]


def plain_ids_inside(
    starts: list[int], ends: list[int], ids: list[str], span: Span
) -> tuple[str, ...]:
    """MentionIndex.ids_inside written out: distinct ids of the mentions inside ``span``
    among the first _MAX_MENTIONS_INSIDE that start in it, in order of first mention."""
    inside = [k for k, start in enumerate(starts) if span.start <= start < span.end]
    seen: dict[str, None] = {}
    for k in inside[:_MAX_MENTIONS_INSIDE]:
        if ends[k] <= span.end:
            seen[ids[k]] = None
    return tuple(seen)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6), st.sampled_from("abc"))),
    st.data(),
)
def test_bounded_ids_inside_matches_the_plain_search(
    mentions: list[tuple[int, int, str]], data: st.DataObject
) -> None:
    """ids_inside, searching only a sentence's mentions, finds the ids the whole index
    would for a clause inside that sentence."""
    mentions.sort()
    starts = [start for start, _, _ in mentions]
    ends = [start + length for start, length, _ in mentions]
    ids = [actor_id for _, _, actor_id in mentions]
    sentence_start = data.draw(st.integers(0, 45))
    sentence_end = data.draw(st.integers(sentence_start, 50))
    clause_start = data.draw(st.integers(sentence_start, sentence_end))
    clause = Span(start=clause_start, end=data.draw(st.integers(clause_start, sentence_end)))
    lo = bisect_left(starts, sentence_start)
    hi = bisect_left(starts, sentence_end, lo)
    expected = plain_ids_inside(starts, ends, ids, clause)
    assert expected == ids_inside(starts, ends, ids, clause, lo, hi)


def test_mention_index_ids_inside_is_the_plain_search() -> None:
    """The plain search above is what MentionIndex.ids_inside answers, on the seed's
    mentions and every sentence span."""
    article = geobrief.parse(SEED.read_text("utf-8"))
    index = MentionIndex(article)
    spans = [
        sentence
        for section in article.sections
        for p in section.paragraphs
        for sentence in p.sentences
    ]
    assert spans
    for span in spans:
        expected = plain_ids_inside(index.starts, index.ends, index.ids, span)
        assert expected == index.ids_inside(span)


def plain_voice_spans(article: geobrief.Article) -> tuple[list[Span], list[bool]]:
    """The article's sentences merged with key points, summary and FAQ answers, sorted,
    and for each whether it is one of the latter (what _voice_spans answers)."""
    always: set[Span] = set()
    for key_point in article.key_points:
        always.update(key_point.sentences or (key_point.span,))
    for paragraph in article.summary:
        always.update(paragraph.sentences or (paragraph.span,))
    for item in article.faq:
        for paragraph in item.answer:
            always.update(paragraph.sentences or (paragraph.span,))
    keys = {(s.start, s.end) for s in [*article_sentences(article), *always]}
    ordered = sorted(keys)
    kept = {(s.start, s.end) for s in always}
    return [Span(start=a, end=b) for a, b in ordered], [key in kept for key in ordered]


def test_voice_spans_match_the_plain_merge() -> None:
    """_voice_spans (its shortcut for sentences already in order) gives the plain merge,
    on the seed (key points, summary) and on texts without them or out of order."""
    texts = [
        SEED.read_text("utf-8"),
        "Plain text. Russia said so.\n\nKey points:\n- Moscow may act.\n",
        "Title\n\nOne. Two, three.",
    ]
    for text in texts:
        article = geobrief.parse(text)
        expected = plain_voice_spans(article)
        assert expected == _voice_spans(article, ArticleContext(article))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["may", "May", "suggest", "suggests", "indicate", "said", "could"])
        | st.text(alphabet="abcdeMS ", max_size=8),
        max_size=3,
    )
)
def test_hedge_lemma_is_the_uncached_match(words: list[str]) -> None:
    """_hedge_lemma (cached per cue form) is match_hedge on the form's lowercase words."""
    cue_text = " ".join(words)
    lowered = cue_text.lower().split()
    match = match_hedge(lowered, 0) if lowered else None
    expected = match[0] if match is not None else None
    assert expected == _hedge_lemma(cue_text)


_PLAIN_MAYBE_PARTICIPLE = re.compile(r",\s+(?:\w+\s+)?\w+ing\b")
"""The participle regex as first written."""


def plain_clause_spans(text: str, sentence: Span) -> list[Span]:
    """clause_spans as first written: the participle regex searched from the first comma,
    then every comma of the sentence asked whether it opens a participle clause."""
    start, end = sentence.start, sentence.end
    comma = text.find(",", start, end)
    if comma < 0 or not _PLAIN_MAYBE_PARTICIPLE.search(text, comma, end):
        whole = _trimmed(text, start, end)
        return [] if whole is None else [whole]
    spans: list[Span] = []
    while comma >= 0:
        if opens_participle(text, comma, end):
            piece = _trimmed(text, start, comma)
            if piece is not None:
                spans.append(piece)
            start = comma + 1
        comma = text.find(",", comma + 1, end)
    piece = _trimmed(text, start, end)
    if piece is not None:
        spans.append(piece)
    return spans


_CLAUSE_WORDS = st.sampled_from(
    [
        *("the", "ing", "going", "Going", "GOING", "thus", "further", "mostly", "including"),
        *("sing", "kingdom", "ringing", "U.S.", "it’s", "bring", "ing.", "x"),
        *("quickly", "Thus", "well-nigh", "o’clock", "re-sending", "rising’s", "a.b.", "-"),
        *("ING", "eating’", "\u0130ng", "Going-", "hoping_", "hopeing2", "«", "sharing!"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            _CLAUSE_WORDS, st.sampled_from([" ", ", ", ",", " ,  ", ".", "\n", ",\n", "", "-"])
        ),
        max_size=12,
    ),
    st.data(),
)
def test_clause_spans_match_the_plain_split(
    words: list[tuple[str, str]], data: st.DataObject
) -> None:
    """clause_spans (which skips the regex search when no "ing" follows the first comma,
    and asks only the commas _MAY_OPEN finds whether they open a participle clause)
    splits every sentence range exactly as the plain code."""
    text = "".join(word + gap for word, gap in words)
    start = data.draw(st.integers(0, len(text)))
    sentence = Span(start=start, end=data.draw(st.integers(start, len(text))))
    assert plain_clause_spans(text, sentence) == clause_spans(text, sentence)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            _CLAUSE_WORDS,
            st.sampled_from([" ", ", ", ",", " ,  ", ",\u3000", "\n", ",\n", "", "-", "’", "."]),
        ),
        max_size=10,
    ),
    st.data(),
)
def test_may_open_finds_every_comma_that_opens_a_participle(
    words: list[tuple[str, str]], data: st.DataObject
) -> None:
    """Every comma for which opens_participle is true (in a range ending anywhere after
    it) is one _MAY_OPEN matches there, with the same end."""
    text = "".join(word + gap for word, gap in words)
    end = data.draw(st.integers(0, len(text)))
    opening = [c for c in range(end) if text[c] == "," and opens_participle(text, c, end)]
    expected = [c for c in opening if _MAY_OPEN.match(text, c, end)]
    assert expected == opening


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(_CLAUSE_WORDS, st.sampled_from([" ", ", ", ",", " ,  ", ",\t", "\n", "", "-"])),
        max_size=10,
    ),
    st.data(),
)
def test_participle_regex_finds_what_the_plain_one_finds(
    words: list[tuple[str, str]], data: st.DataObject
) -> None:
    """_MAYBE_PARTICIPLE (possessive words) finds a match in a range exactly when the
    regex as first written does, at the same place."""
    text = "".join(word + gap for word, gap in words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    plain = _PLAIN_MAYBE_PARTICIPLE.search(text, start, end)
    fast = _MAYBE_PARTICIPLE.search(text, start, end)
    expected = None if plain is None else plain.start()
    assert expected == (None if fast is None else fast.start())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 2), st.integers(0, 3)), max_size=40),
    st.lists(st.integers(0, 40), max_size=6),
    st.lists(st.tuples(st.integers(0, 6), st.integers(1, 5)), max_size=4),
    st.data(),
)
def test_sentences_worth_a_look_are_those_that_can_give_a_claim(
    gaps_and_lengths: list[tuple[int, int]],
    mention_starts: list[int],
    hedge_gaps_and_lengths: list[tuple[int, int]],
    data: st.DataObject,
) -> None:
    """_worth_a_look gives, in order, every sentence that is always kept, holds a
    mention's start or overlaps a hedge, however few the mentions and hedges are."""
    voice = []
    pos = 0
    for gap, length in gaps_and_lengths:  # in order, none overlapping (some empty)
        voice.append(Span(start=pos + gap, end=pos + gap + length))
        pos += gap + length
    always_kept = [data.draw(st.booleans()) for _ in voice]
    hedges = []
    pos = 0
    for gap, length in hedge_gaps_and_lengths:  # in order, none overlapping
        hedges.append((pos + gap, pos + gap + length))
        pos += gap + length
    hedge_starts = [h[0] for h in hedges]
    hedge_ends = [h[1] for h in hedges]
    mention_starts.sort()
    expected = [
        i
        for i, s in enumerate(voice)
        if always_kept[i]
        or any(s.start <= m < s.end for m in mention_starts)
        or any(hs < s.end and he > s.start for hs, he in hedges)
    ]
    found = list(_worth_a_look(voice, always_kept, mention_starts, hedge_starts, hedge_ends))
    if len(found) == len(voice):
        assert set(expected) <= set(found)  # every index: the loop's own checks decide
    else:
        assert expected == found
