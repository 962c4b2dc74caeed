"""Shortcuts taken for speed give the same answers as the plain computations they replace."""

from __future__ import annotations

import re
import sys
from bisect import insort
from collections.abc import Sequence
from itertools import compress

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from geobrief import parse
from geobrief._model import Mention, Span
from geobrief.statements._context import ArticleContext, SentenceInfo
from geobrief.statements._frames import (
    _CLAUSE_STOP,
    _CUE_FIRST_WORDS,
    _TRAILING,
    _attribution_tail,
    _clause_end,
    _trailing_attribution,
    find_frames,
    opens_participle,
    participle_after_comma,
    phrase_span,
)
from geobrief.statements._lexicon import match_cue
from geobrief.statements._lexmatch import compile_lexicons
from geobrief.statements._lexscan import (
    LexiconScan,
    TokenTable,
    _ascii_lowered,
    scan_lexicons,
    scan_lexicons_by_tokens,
    token_rows,
)
from geobrief.statements._phrases import _CUE_FIRST_WORDS as _PHRASE_CUE_WORDS
from geobrief.statements._phrases import _NOT_NOMINAL, _PAST_VERBS, Phrase, _nominal
from geobrief.statements._quotes import (
    _MARK,
    _SINGLE_CLOSERS,
    _SINGLE_OPENERS,
    _SINGLE_TOGGLES,
    Quote,
    QuoteScan,
    _pairing_marks,
    _scan_line_with_retry,
    _Scanner,
    _State,
    mark_offsets,
    scan_quotes,
)
from geobrief.statements._resolve import MentionIndex, ids_inside
from geobrief.statements._text import Token, _overlaps_any, _span_order, lowercase, tokenize

SINGLE_MARKS = _SINGLE_OPENERS | _SINGLE_CLOSERS | _SINGLE_TOGGLES


def passed_over(text: str, i: int) -> bool:
    """What the quote scanner tests at each mark: a single mark between two letters or digits."""
    return (
        text[i] in SINGLE_MARKS
        and 0 < i < len(text) - 1
        and text[i - 1].isalnum()
        and text[i + 1].isalnum()
    )


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="'’‘‚‛‹›“”\"«»aZ9é_ \n.-", max_size=60))
def test_pairing_marks_are_the_marks_the_scanner_does_not_pass_over(text: str) -> None:
    """The line prefilter finds exactly the marks that can change the pairing state."""
    expected = [m.start() for m in _MARK.finditer(text) if not passed_over(text, m.start())]
    assert [m.start() for m in _MARK.finditer(text)] == mark_offsets(text)
    assert expected == _pairing_marks(text, mark_offsets(text))


def reference_clause_end(
    tokens: Sequence[Token], lowers: Sequence[str], start: int, stop: int
) -> int:
    """The token-by-token loop that ``_clause_end`` replaces."""
    k = start
    while k < stop:
        text = tokens[k].text
        if text in _CLAUSE_STOP:
            break
        if lowers[k] == "and" and k + 1 < stop and k > start:
            following = match_cue(lowers, k + 1)
            if following is not None and following.entry.pos == "verb":
                break
        if text == "," and k + 1 < stop:
            if participle_after_comma(tokens, lowers, k, stop) >= 0:
                break
            if lowers[k + 1] == "according":
                break
            if _trailing_attribution(tokens, lowers, k + 1, stop):
                break
        k += 1
    while k > start and tokens[k - 1].text in _TRAILING:
        k -= 1
    return k


WORDS = [
    "the",
    "minister",
    "And",
    "and",
    "said",
    "warned",
    ",",
    ";",
    "—",
    "–",
    ".",
    "according",
    "to",
    "highlighting",
    "further",
    "that",
    "he",
    "Lavrov",
    "talks",
    "failed",
    "reportedly",
    "also",
    "saying",
    "he said",
    "STATES",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=25),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=30),
)
def test_clause_end_equals_the_token_by_token_loop(words: list[str], start: int, stop: int) -> None:
    """Visiting only stop marks, 'and' and commas ends a clause where the full loop does."""
    tokens = tokenize(" ".join(words))
    lowers = lowercase(tokens)
    stop = min(stop, len(tokens))
    start = min(start, len(tokens))
    expected = reference_clause_end(tokens, lowers, start, stop)
    actual = _clause_end(tokens, lowers, start, stop)
    assert expected == actual


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="aZsS’'-._ \n\u212a\u03a3\u0130\u00c9é9xnNtT", max_size=40),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)
@example("\u212a.\u212a. said DON’T can't n't", 0, 9)  # the Kelvin sign, "n't" endings
def test_token_table_equals_tokenize_and_lowercase(text: str, start: int, end: int) -> None:
    """The token table of a whole text gives the tokens and lowercase forms of the
    plain tokenizer, for the whole text and for any span of it, and finds the tokens
    that end with ``n't`` as a plain filter does."""
    start, end = min(start, end, len(text)), min(max(start, end), len(text))
    expected_tokens = tokenize(text)
    expected = (expected_tokens, lowercase(expected_tokens))
    table = TokenTable(text)
    assert expected == table.within(0, len(text))
    assert expected_tokens == list(zip(table.starts, table.ends, table.texts, strict=True))
    inside = [t for t in expected_tokens if start <= t.start and t.end <= end]
    assert (inside, lowercase(inside)) == table.within(start, end)
    lowers = lowercase(expected_tokens)
    expected_not = [k for k, lower in enumerate(lowers) if lower.endswith("n't")]
    assert expected_not == table.ending_with_not()


def reference_scan_quotes(text: str) -> QuoteScan:
    """The line-by-line loop that ``scan_quotes`` shortcuts: every line is visited,
    with or without a quote mark."""
    scanner = _Scanner(text)
    state = _State()
    n = len(text)
    pos = 0
    while pos <= n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        reopened_at = state.outer.mark if state.outer is not None else -1
        line_start = pos if reopened_at < pos else reopened_at + 1
        if _MARK.search(text, line_start, line_end) is not None:
            state = _scan_line_with_retry(scanner, state, pos, line_start, line_end)
        if nl < 0:
            scanner.line_break(state, line_end, n, blank=False)
            break
        k = nl + 1
        blank = False
        while k < n and text[k].isspace():
            if text[k] == "\n":
                blank = True
            k += 1
        scanner.line_break(state, line_end, k, blank)
        if state.outer is not None and state.outer.mark >= k:
            pos = k
        else:
            pos = nl + 1 if state.outer is not None else k
    quotes = sorted(scanner.quotes, key=lambda q: q.open_mark)
    return QuoteScan(tuple(quotes), tuple(scanner.diagnostics))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="“”\"‘’'«» aZ.,\n\t", max_size=60))
def test_scan_quotes_equals_the_line_by_line_loop(text: str) -> None:
    """Skipping the lines without a quote mark while nothing is open pairs the marks
    exactly as visiting every line does."""
    expected = reference_scan_quotes(text)
    actual = scan_quotes(text)
    assert expected == actual


LEXICON_PIECES = [
    "said",
    "Said",
    "SAID",
    "according",
    "to",
    "in",
    "the",
    "words",
    "of",
    "called",
    "for",
    "point",
    "out",
    "is",
    "was",
    "believed",
    "thought",
    "expected",
    "more",
    "most",
    "likely",
    "an",
    "estimated",
    "may",
    "May",
    "not",
    "only",
    "no",
    "longer",
    "n't",
    "n’t",
    "don't",
    "isn’t",
    "never",
    "deny",
    "United",
    "States",
    "warned",
    "li\u212aely",  # the Kelvin sign lowers to "k"
    "\u0130s",  # a dotted capital I lowers to two characters
    "ß",
    "\u03a3aid",
    "SAID",
    "D\u0130dn’t",  # a dotted capital I inside a token: no lexicon word
    "NOT\u00c9",
    "\u00c9",
    "U.S.",
    "e.g.",
    "x",
    "_",
    "9",
]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\t", "\xa0", "\x1c", "\u2028", ""]
MARKS = [",", ".", "“", "”", "'", "’", "-", "—", "(", ")", ":", "_", ""]


@st.composite
def lexicon_texts(draw: st.DrawFn) -> str:
    """Text made of lexicon words, marks that may or may not join them, and whitespace."""
    pieces = draw(
        st.lists(
            st.tuples(
                st.sampled_from(MARKS), st.sampled_from(LEXICON_PIECES), st.sampled_from(MARKS)
            ),
            max_size=14,
        )
    )
    separators = draw(
        st.lists(st.sampled_from(SEPARATORS), min_size=len(pieces), max_size=len(pieces))
    )
    return "".join(a + word + b + sep for (a, word, b), sep in zip(pieces, separators, strict=True))


def scan_answers(scan: LexiconScan) -> tuple[object, ...]:
    """Everything a scan found (its private lists: the public questions are answered from them)."""
    return (scan._cue_starts, scan._cue_names, scan.hedges, scan.negations)


@settings(max_examples=600, deadline=None)
@given(lexicon_texts())
@example("According to him, it is believed to be \u212aey; they don't, not only no longer")
@example("x-said it n't.“May” not-only (not) only; more\nlikely isn’t")
@example("in the\twords of\u2028the minister, called   for, U.S.said, rock’n’said")
def test_lexicon_expression_equals_the_token_walk(text: str) -> None:
    """The compiled lexicon expression finds the cues, hedges and negations that a walk
    over every token finds (the Kelvin sign, a dotted I and other lowercase oddities
    included)."""
    expected = scan_answers(scan_lexicons_by_tokens(text))
    actual = scan_answers(scan_lexicons(text))
    assert expected == actual


def test_only_the_kelvin_sign_lowercases_from_outside_ascii_into_ascii() -> None:
    """The lexicon scan lowercases only ASCII capitals (and the whole text when it holds a
    Kelvin sign): no other character outside ASCII has a lowercase form that is all
    ASCII, so none can be part of a token that matches a lexicon word."""
    found = [code for code in range(128, sys.maxunicode + 1) if chr(code).lower().isascii()]
    assert [0x212A] == found


def test_ascii_lowering_keeps_every_other_character_and_surrogates() -> None:
    """Only ASCII capitals change; a lone surrogate passes through."""
    text = "SAID \u00c9t\u0130 \u212a “Q” \ud800 x"
    assert "said \u00c9t\u0130 \u212a “q” \ud800 x" == _ascii_lowered(text)


def test_lowercase_keeps_word_and_space_characters() -> None:
    """Where lowercasing keeps a character's length it keeps it a word character or not,
    whitespace or not, and leaves apostrophes and hyphens alone: the lexicon expression
    reads token boundaries off the lowercase text."""
    word = re.compile(r"\w")
    space = re.compile(r"\s")
    changed = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lower = char.lower()
        if len(lower) != 1 or lower == char:
            continue
        if (
            bool(word.match(char)) != bool(word.match(lower))
            or bool(space.match(char)) != bool(space.match(lower))
            or lower in "’'-"
        ):
            changed.append(char)
    assert [] == changed


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="aZsS’'-._ \n\t\xa0\x1c\u212a\u03a3\u0130é9xnNtT", max_size=40),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)
def test_sentence_tokens_equal_the_token_table(text: str, start: int, end: int) -> None:
    """A sentence's tokens (split on their own when whitespace sets the sentence off, else
    cut from the whole text's tokens) are the whole text's tokens inside it."""
    start, end = min(start, end, len(text)), min(max(start, end), len(text))
    expected = TokenTable(text).within(start, end)
    sentence = SentenceInfo(text, Span(start=start, end=end), True, scan_lexicons(text))
    assert expected == (list(sentence.rows), sentence.lowers)
    if (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace()):
        assert expected == token_rows(text, start, end)


def test_word_characters_are_the_alphanumeric_ones_and_the_underscore() -> None:
    """``token_rows`` takes a run that ``str.isalnum`` accepts for one ``\\w+`` token: over
    every code point, a word character is exactly an alphanumeric one or ``_``."""
    word = re.compile(r"\w")
    differ = [
        code
        for code in range(sys.maxunicode + 1)
        if bool(word.match(chr(code))) != (chr(code).isalnum() or chr(code) == "_")
    ]
    assert [] == differ


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.text(alphabet="aZ9_.,’'-“”()\u212a\u00b2\u0301é—", min_size=1, max_size=8),
        max_size=12,
    )
)
def test_token_rows_of_single_spaced_runs_equal_the_token_table(runs: list[str]) -> None:
    """A span whose runs are joined by single spaces is split run by run (a run of
    letters and digits, or one with a mark after it, without the token expression):
    the tokens are the token table's."""
    text = "x " + " ".join(runs) + " y"
    start, end = 2, len(text) - 2
    assert TokenTable(text).within(start, end) == token_rows(text, start, end)


def test_lexicons_with_words_the_expression_cannot_bound_are_not_compiled() -> None:
    """A form word that is not a plain lowercase word of two characters or more (an
    initialism, a one-letter word, a capital) leaves the scan to the token walk."""
    plain = ((("likely",), "likely", frozenset[str]()),)
    for odd in ("e.g.", "a", "Likely"):
        hedges = {"likely": list(plain), odd: [((odd,), odd, frozenset[str]())]}
        assert compile_lexicons({}, hedges, {}) is None
    assert compile_lexicons({}, {"likely": list(plain)}, {}) is not None


def test_mention_index_order_does_not_depend_on_the_mentions_order() -> None:
    """The index skips its sort when the mentions' starts already increase; mentions
    given in any other order (nested ones sharing a start too) are sorted by
    (start, -end), as the plain sort gives them."""
    article = parse(
        "Russian Foreign Minister Sergey Lavrov met Kim Jong Un in Pyongyang. "
        "Lavrov said Russia and North Korea would deepen ties.\n"
    )
    mentions = article.mentions
    assert len(mentions) >= 3
    first = mentions[0]
    nested = Mention(
        span=Span(start=first.span.start, end=first.span.start + 1), actor_id=first.actor_id
    )
    shuffled = (*mentions[::-1], nested)
    index = MentionIndex(attrs.evolve(article, mentions=shuffled))
    expected = sorted(shuffled, key=lambda m: (m.span.start, -m.span.end))
    expected_rows = [(m.span, m.actor_id) for m in expected]
    assert expected_rows == list(zip(index.spans, index.ids, strict=True))
    assert [m.span.start for m in expected] == index.starts
    assert [m.span.end for m in expected] == index.ends
    in_order = MentionIndex(article)
    assert [(m.span, m.actor_id) for m in mentions] == list(
        zip(in_order.spans, in_order.ids, strict=True)
    )


def test_slot_built_statements_equal_the_class_built_ones() -> None:
    """The statements built slot by slot (``_statement``) set every field of their class
    and equal the ones the class's own ``__init__`` builds; frames, built positionally,
    keep their fields in the order the frame search passes them."""
    import geobrief.statements as statements
    from geobrief._model import Statement, StatementKind
    from geobrief.statements._frames import Frame
    from geobrief.statements._lexicon import cue_for_form

    cue = cue_for_form("said")
    assert cue is not None
    a, b, c = Span(start=0, end=4), Span(start=5, end=9), Span(start=10, end=20)
    expected_frame = Frame(
        cue=cue,
        cue_span=a,
        cue_index=1,
        speaker=b,
        head=b,
        content=c,
        addressee=a,
        inherited=True,
        speaker_is_pronoun=True,
        clause=False,
    )
    assert expected_frame == Frame(cue, a, 1, b, b, c, a, True, True, False)
    assert [f.name for f in attrs.fields(Frame)] == [
        "cue",
        "cue_span",
        "cue_index",
        "speaker",
        "head",
        "content",
        "addressee",
        "inherited",
        "speaker_is_pronoun",
        "clause",
    ]
    expected_statement = Statement(
        kind=StatementKind.REPORTED,
        content_span=c,
        speaker="state:RUS",
        speaker_span=b,
        cue="say",
        cue_span=a,
        addressees=("state:PRK",),
        about=("state:RUS", "state:PRK"),
    )
    statement = statements._statement(
        StatementKind.REPORTED,
        c,
        "state:RUS",
        b,
        "say",
        a,
        ("state:PRK",),
        ("state:RUS", "state:PRK"),
    )
    assert expected_statement == statement
    assert [f.name for f in attrs.fields(Statement)] == [
        "kind",
        "content_span",
        "speaker",
        "speaker_span",
        "cue",
        "cue_span",
        "addressees",
        "about",
    ]


def test_frames_hash_and_compare_by_their_fields() -> None:
    """Frames, reported frames and quotation attributions (not frozen, for a cheaper
    ``__init__``) compare and hash by their fields, as the frozen classes did; the
    reported frame's fields keep the order the reported-speech search passes them in."""
    from geobrief.statements._frames import Frame
    from geobrief.statements._lexicon import cue_for_form
    from geobrief.statements._reported import ReportedFrame

    cue = cue_for_form("said")
    assert cue is not None
    a, b = Span(start=0, end=4), Span(start=5, end=9)
    frame, same = Frame(cue, a, 0, b, b, b), Frame(cue, a, 0, b, b, b)
    assert (frame == same, hash(frame) == hash(same)) == (True, True)
    reported = ReportedFrame(frame, b, "state:RUS", "actor")
    assert reported == ReportedFrame(frame=same, content=b, speaker="state:RUS", source="actor")
    assert hash(reported) == hash(ReportedFrame(same, b, "state:RUS", "actor"))
    assert ["frame", "content", "speaker", "source"] == [
        f.name for f in attrs.fields(ReportedFrame)
    ]
    from geobrief._model import StatementKind
    from geobrief.statements._direct import QuoteAttribution

    quote = Quote(0, 9, a, True, 0)
    attribution = QuoteAttribution(quote, StatementKind.DIRECT, "say", a, b, "state:RUS")
    again = QuoteAttribution(quote, StatementKind.DIRECT, "say", a, b, "state:RUS")
    assert (attribution == again, hash(attribution) == hash(again)) == (True, True)
    assert attrs.evolve(attribution, cue=None) != attribution


def _addressee_by_adverbial_search(
    lowers: Sequence[str], tokens: Sequence[Token], start: int, end: int
) -> Span | None:
    """The addressee as first written: a time adverbial found by ``_time_adverbial_end``."""
    from geobrief.statements._frames import _PREPOSITIONS, _TIME_MODIFIERS, _time_adverbial_end

    if end <= start:
        return None
    if lowers[start] in _PREPOSITIONS or _time_adverbial_end(lowers, start, end) > start:
        return None
    for k in range(start + 1, end):
        if lowers[k] in _PREPOSITIONS and lowers[k] not in {"of", "for"}:
            end = k
            break
        if _time_adverbial_end(lowers, k, end) > k and lowers[k] not in _TIME_MODIFIERS:
            end = k
            break
    return Span(start=tokens[start].start, end=tokens[end - 1].end)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "reporters",
                "in",
                "of",
                "on",
                "Monday",
                "monday",
                "last",
                "week",
                "early",
                "late",
                "3",
                "this",
                "morning",
                "the",
                "minister",
                "for",
                "that",
                "year",
                "2024",
                "today",
            ]
        ),
        min_size=1,
        max_size=10,
    ),
    st.integers(min_value=0, max_value=10),
    st.integers(min_value=0, max_value=10),
)
def test_addressee_equals_the_adverbial_search(words: list[str], start: int, end: int) -> None:
    """The addressee cut before a time word (the inline test) is the one the search for a
    time adverbial at every token gives."""
    from geobrief.statements._frames import _addressee

    tokens = tokenize(" ".join(words))
    lowers = lowercase(tokens)
    end = min(end, len(tokens))
    start = min(start, end)
    expected = _addressee_by_adverbial_search(lowers, tokens, start, end)
    assert expected == _addressee(lowers, tokens, start, end)


QUOTED_PIECES = [*LEXICON_PIECES, "“", "”", "‘", "’", "'", '"', "«", "»", "n't", "“n't", "’t", "‚"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([*MARKS, "‘", "«", '"', "“’"]),
            st.sampled_from(QUOTED_PIECES),
            st.sampled_from([*MARKS, "»", "’s", '"']),
            st.sampled_from(SEPARATORS),
        ),
        max_size=12,
    )
)
@example([("“", "n't", "", " "), ("", "isn’t", "’", "")])
def test_lexicon_scan_finds_the_quote_marks(pieces: list[tuple[str, str, str, str]]) -> None:
    """The quote marks the lexicon expression reports in its pass are every quote mark of
    the text (apostrophes inside a lexicon word it took included); a text it does not
    scan (a Kelvin sign, and a lowercase form that is longer) reports none, and the
    quotes scanner finds its own."""
    text = "".join("".join(piece) for piece in pieces)
    scan = scan_lexicons(text)
    if "\u212a" in text and len(text.lower()) != len(text):
        assert scan.quote_marks is None
    else:
        assert mark_offsets(text) == scan.quote_marks
    assert scan_quotes(text) == scan_quotes(text, scan.quote_marks)


def test_quote_marks_are_the_same_characters_in_lowercase() -> None:
    """The lexicon scan reads quote marks off the lowercase text: no character lowercases
    into a quote mark, and every quote mark lowercases to itself."""
    from geobrief.statements._quotes import QUOTE_MARKS

    into_marks = {
        chr(code) for code in range(sys.maxunicode + 1) if chr(code).lower() in QUOTE_MARKS
    }
    assert set(QUOTE_MARKS) == into_marks


def reference_trailing_attribution(
    tokens: Sequence[Token], lowers: Sequence[str], i: int, stop: int
) -> bool:
    """``_trailing_attribution`` without its first test (no cue word in the window)."""
    for k in range(i, min(stop, i + 8)):
        match = (
            match_cue(lowers, k)
            if lowers[k] in _CUE_FIRST_WORDS and not tokens[k].text[0].isupper()
            else None
        )
        if match is not None and match.entry.pos == "verb":
            after = k + match.length
            rest = stop - after
            if k > i and not _attribution_tail(tokens, lowers, match.entry, after, stop):
                return False
            return rest <= 10 and "that" not in lowers[after:stop]
        if tokens[k].text in {",", ";"}:
            return False
    return False


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=25),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=30),
)
def test_trailing_attribution_equals_the_window_loop(words: list[str], i: int, stop: int) -> None:
    """A window of tokens holding no cue word reads as no trailing attribution, as the
    token-by-token loop finds."""
    tokens = tokenize(" ".join(words))
    lowers = lowercase(tokens)
    stop = min(stop, len(tokens))
    i = min(i, stop)
    expected = reference_trailing_attribution(tokens, lowers, i, stop)
    assert expected == _trailing_attribution(tokens, lowers, i, stop)


def reference_nominal(token: Token, lowers: Sequence[str], i: int) -> bool:
    """``_phrases._nominal`` with its tests in their first order (capitalized words last)."""
    text = token.text
    first = text[0]
    if not first.isalnum():
        return text in {".", "-", "&"} and i > 0 and lowers[i - 1][:1].isalnum()
    lower = lowers[i]
    if len(text) > 1 and text.isupper():
        return True
    if lower in _NOT_NOMINAL:
        return False
    if first.isupper() or first.isdigit():
        return True
    if (
        lower.endswith(("ed", "ing"))
        and lower in _PHRASE_CUE_WORDS
        and match_cue(lowers, i) is not None
    ):
        return False
    if lower in _PAST_VERBS or lower.endswith("n't") or lower == "cannot":
        return False
    return not lower.endswith("ly")


NOMINAL_WORDS = [
    "The",
    "the",
    "WHO",
    "Who",
    "who",
    "IT",
    "It",
    "3M",
    "3m",
    "9",
    "\u01c5A",
    "\u01c5",
    "\u24b6",
    "\u24b6BC",
    "Said",
    "said",
    "warned",
    "reportedly",
    "didn't",
    ".",
    "-",
    "&",
    "Lavrov",
    "minister",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NOMINAL_WORDS), min_size=1, max_size=8))
def test_nominal_equals_the_first_order_of_its_tests(words: list[str]) -> None:
    """Testing for a capitalized word first answers as the tests in their first order,
    for all-capital, titlecase, digit-led and symbol words too."""
    tokens = tokenize(" ".join(words))
    lowers = lowercase(tokens)
    expected = [reference_nominal(t, lowers, k) for k, t in enumerate(tokens)]
    assert expected == [_nominal(t, lowers, k) for k, t in enumerate(tokens)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=12),
    st.integers(0, 30),
    st.integers(0, 6),
)
def test_title_overlap_search_equals_the_full_scan(
    pieces: list[tuple[int, int]], title_start: int, title_length: int
) -> None:
    """The search that stops at the first sentence starting after the title answers as
    the scan of every sentence, and the title goes where a stable sort puts it (nested,
    overlapping, equal and empty spans included)."""
    spans = sorted(
        (Span(start=start, end=start + length) for start, length in pieces),
        key=lambda s: (s.start, s.end),
    )
    title = Span(start=title_start, end=title_start + title_length)
    assert any(s.overlaps(title) for s in spans) == _overlaps_any(spans, title)
    expected = sorted([*spans, title], key=lambda s: (s.start, s.end))
    actual = list(spans)
    insort(actual, title, key=_span_order)
    assert [(s.start, s.end) for s in expected] == [(s.start, s.end) for s in actual]


def reference_ids_inside(
    starts: Sequence[int],
    ends: Sequence[int],
    ids: Sequence[str],
    span: Span,
    lo: int = 0,
    hi: int | None = None,
) -> tuple[str, ...]:
    """Every mention of ``[lo, hi)`` that starts in ``span`` and ends inside it, by a plain
    filter: the distinct actor ids in order of first mention."""
    seen: dict[str, None] = {}
    for k in range(lo, len(starts) if hi is None else hi):
        if span.start <= starts[k] < span.end and ends[k] <= span.end:
            seen[ids[k]] = None
    return tuple(seen)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 8), st.sampled_from("abc")),
        max_size=12,
    ),
    st.integers(0, 45),
    st.integers(0, 20),
    st.integers(0, 12),
    st.one_of(st.none(), st.integers(0, 12)),
)
def test_ids_inside_equals_the_plain_filter(
    mentions: list[tuple[int, int, str]], start: int, length: int, lo: int, hi: int | None
) -> None:
    """The bisected search (one mention answered without the loop) gives the ids of the
    mentions inside a span, bounded or not, as a plain filter does."""
    mentions.sort(key=lambda m: (m[0], -m[1]))
    starts = [m[0] for m in mentions]
    ends = [m[0] + m[1] for m in mentions]
    ids = [m[2] for m in mentions]
    lo = min(lo, len(mentions))
    hi = None if hi is None else max(lo, min(hi, len(mentions)))
    span = Span(start=start, end=start + length)
    expected = reference_ids_inside(starts, ends, ids, span, lo, hi)
    assert expected == ids_inside(starts, ends, ids, span, lo, hi)


_SPEAKER_TEXT = (
    "Russian Foreign Minister Sergey Lavrov met Kim Jong Un in Pyongyang. "
    "A spokesman for the Russian foreign ministry, Maria Zakharova, said Russia and "
    "North Korea would deepen ties, and U.S. officials said Washington was concerned.\n"
)


def reference_speaker_of(index: MentionIndex, span: Span, head: Span) -> str | None:
    """``MentionIndex.speaker_of`` over the mentions :meth:`MentionIndex.inside` lists."""
    best: tuple[int, int, str] | None = None
    rank_of = {"person": 0, "organization": 1, "group": 2, "state": 3, "location": 4}
    for mention, actor_id in index.inside(span):
        kind = index.kind(actor_id)
        covers_head = mention.start <= head.start and head.end <= mention.end + 2
        if kind.value == "person" or covers_head:
            rank = (-1 if covers_head else rank_of[kind.value], -mention.start, actor_id)
            if best is None or rank < best:
                best = rank
    return best[2] if best is not None else None


@settings(max_examples=400, deadline=None)
@given(
    st.integers(0, len(_SPEAKER_TEXT)),
    st.integers(0, 80),
    st.integers(0, 80),
    st.integers(0, 12),
)
def test_speaker_of_equals_the_search_over_listed_mentions(
    start: int, length: int, head_offset: int, head_length: int
) -> None:
    """Reading the mentions inside a phrase off the index's lists picks the speaker that
    the search over :meth:`MentionIndex.inside` picks (a mention covering the head first,
    then persons, by kind and nearness to the head)."""
    index = MentionIndex(parse(_SPEAKER_TEXT))
    n = len(_SPEAKER_TEXT)
    span = Span(start=start, end=min(n, start + length))
    head_start = min(span.end, span.start + head_offset)
    head = Span(start=head_start, end=min(n, head_start + head_length))
    assert reference_speaker_of(index, span, head) == index.speaker_of(span, head)


FRAME_WORDS = [
    "Lavrov",
    "the",
    "ministry",
    "said",
    "Said",
    "warned",
    "told",
    "reporters",
    "that",
    "according",
    "to",
    "called",
    "for",
    "point",
    "out",
    "in",
    "words",
    "of",
    "statement",
    "Reports",
    "reports",
    "claim",
    "claim-related",
    "-",
    ",",
    ".",
    "“",
    "”",
    "he",
    "talks",
    "failed",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(FRAME_WORDS), max_size=30),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_frames_from_the_scans_cues_equal_the_frames_of_every_cue_word(
    words: list[str], start: int, end: int
) -> None:
    """Trying only the tokens where the lexicon scan found a verb or preposition cue finds
    the frames that trying every token whose word can start a cue finds, for any span of
    the text (one that cuts a token or a cue of several words too)."""
    text = " ".join(words)
    start, end = min(start, end, len(text)), min(max(start, end), len(text))
    rows, lowers = TokenTable(text).within(start, end)
    cue_starts = scan_lexicons(text).cue_starts_in(start, end)
    assert find_frames(rows, lowers) == find_frames(rows, lowers, cue_starts)


def reference_phrase_span(tokens: Sequence[Token], phrase: Phrase) -> tuple[Span, Span]:
    """``phrase_span`` without its shortcut for a head that is the phrase's last word."""
    endings = ("'s", "’s", "'S", "’S")
    last = tokens[phrase.end - 1]
    end = last.end - 2 if last.text.endswith(endings) and len(last.text) > 2 else last.end
    head = tokens[phrase.head]
    head_end = head.end - 2 if head.text.endswith(endings) and len(head.text) > 2 else head.end
    return Span(start=tokens[phrase.start].start, end=end), Span(start=head.start, end=head_end)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Lavrov’s", "Russia's", "KIM'S", "'s", "s", "the", "ministry"]),
        min_size=1,
        max_size=6,
    ),
    st.data(),
)
def test_phrase_span_equals_the_plain_computation(words: list[str], data: st.DataObject) -> None:
    """The spans of a phrase (possessive endings left out) are the same whether or not its
    head is its last word."""
    tokens = tokenize(" ".join(words))
    start = data.draw(st.integers(0, len(tokens) - 1))
    end = data.draw(st.integers(start + 1, len(tokens)))
    head = data.draw(st.integers(start, end - 1))
    phrase = Phrase(start, end, head)
    assert reference_phrase_span(tokens, phrase) == phrase_span(tokens, phrase)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["was", "is", "been", "told", "saying", "the", "minister"]), min_size=2
    ),
    st.data(),
)
def test_a_subject_right_before_its_cue_is_never_passive(
    words: list[str], data: st.DataObject
) -> None:
    """``_verb_frame`` asks ``_passive`` only when words stand between the subject and the
    cue: with none, ``_passive`` answers no."""
    from geobrief.statements._frames import _passive

    tokens = tokenize(" ".join(words))
    lowers = lowercase(tokens)
    i = data.draw(st.integers(1, len(tokens) - 1))
    start = data.draw(st.integers(0, i - 1))
    end = data.draw(st.integers(i, len(tokens)))  # (the phrase ends at the cue or after it)
    assert _passive(tokens, lowers, Phrase(start, end, start), i) is False


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab,:—–- \t\n\xa0\x1c\u2028\u200b", max_size=12))
def test_frame_end_marks_equal_the_expression(before: str) -> None:
    """A quotation's preceding text, its trailing whitespace stripped, ends an attribution
    frame by its last character exactly when the first expression finds a mark there."""
    from geobrief.statements._direct import _DIRECT_FRAME_END

    stripped = before.rstrip()
    expected = re.search(r"[,:—–-]\s*\Z", stripped) is not None
    assert expected == stripped.endswith(_DIRECT_FRAME_END)


def reference_direct_nominal(
    ctx: ArticleContext, quote: Quote, lower_bound: int
) -> tuple[str, Span] | None:
    """The cue and possessor ``_direct._nominal`` finds, searched over every cue word of
    the sentence (the tokens outside ``[lower_bound, open mark)`` skipped one by one)."""
    from geobrief.statements._direct import _CUE_FIRST_WORDS as cue_words
    from geobrief.statements._direct import _POSSESSIVES
    from geobrief.statements._frames import phrase_span as span_of
    from geobrief.statements._phrases import phrase_before

    sentence = ctx.sentence_at(quote.open_mark)
    if sentence is None:
        return None
    tokens, lowers = sentence.rows, sentence.lowers
    for i in reversed(list(compress(range(len(lowers)), map(cue_words.__contains__, lowers)))):
        token = tokens[i]
        if token[1] > quote.open_mark or token[0] < lower_bound:
            continue
        match = match_cue(lowers, i)
        if match is None or match.entry.pos != "noun" or i == 0:
            continue
        owner = lowers[i - 1]
        if owner in _POSSESSIVES:
            return match.entry.lemma, Span(start=tokens[i - 1][0], end=tokens[i - 1][1])
        if owner.endswith("'s"):
            phrase = phrase_before(tokens, lowers, i)
            if phrase is None:
                continue
            return match.entry.lemma, span_of(tokens, phrase)[0]
    return None


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Lavrov’s", "his", "the", "statement", "warning", "said", "ministry's", "remarks", ","]
        ),
        max_size=8,
    )
)
def test_possessor_search_before_a_quotation_equals_the_search_of_every_cue_word(
    words: list[str],
) -> None:
    """Looking for a possessed speech noun only among the tokens that start between the
    lower bound and the opening mark finds what the search of every cue word finds, for
    every lower bound."""
    from geobrief._model import StatementKind
    from geobrief.statements._direct import _nominal

    text = "Russia’s Lavrov met Kim. " + " ".join(words) + ": “We warn against it,” he said.\n"
    ctx = ArticleContext(parse(text))
    for quote in ctx.quotes.quotes:
        for lower_bound in range(quote.open_mark + 2):
            found = _nominal(ctx, quote, StatementKind.DIRECT, lower_bound)
            actual = None if found is None else (found.cue, found.speaker_span)
            assert reference_direct_nominal(ctx, quote, lower_bound) == actual


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="aZ9_.,’'-“”(\u212a\u00b2é—", min_size=1, max_size=6),
            st.text(alphabet="  \n\t\xa0\x1c\u2028", min_size=1, max_size=3),
        ),
        max_size=10,
    ),
    st.text(alphabet=" \n\t", max_size=2),
)
def test_token_rows_of_runs_with_any_whitespace_equal_the_token_table(
    runs: list[tuple[str, str]], lead: str
) -> None:
    """A span whose runs are set apart by any whitespace (double spaces, line breaks,
    other spaces, some at its edges), which the run-by-run split does not take, has the
    token table's tokens too."""
    text = "x " + lead + "".join(run + gap for run, gap in runs) + "y"
    start, end = 2, len(text) - 1
    assert TokenTable(text).within(start, end) == token_rows(text, start, end)


def test_noun_cue_words_are_found_in_any_case() -> None:
    """Every character whose lowercase form is one letter of a noun cue's first word (an
    ASCII capital, the Kelvin sign) is matched by that letter in the case-blind search
    that lets a quotation's sentence go unsplit when it holds no noun cue."""
    from geobrief.statements._direct import _NOUN_CUE_WORD

    letters = set("".join(_NOUN_CUE_WORD.pattern.split("|")))
    missed = [
        (code, chr(code).lower())
        for code in range(sys.maxunicode + 1)
        if len(chr(code).lower()) == 1
        and chr(code).lower() in letters
        and not re.fullmatch(re.escape(chr(code).lower()), chr(code), re.IGNORECASE)
    ]
    assert [] == missed


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "saying",
                "SAYING",
                "further",
                "reportedly",
                "including",
                "sing",
                "won’t",
                "said",
                "it’s",
                "ring’ing",
                "U.S.",
                ",",
                "—",
                "  ",
                "fixing-up",
                "Also",
                "dancing’s",
            ]
        ),
        max_size=6,
    )
)
def test_participle_after_a_comma_read_off_the_text_equals_the_token_test(
    words: list[str],
) -> None:
    """Reading the one or two tokens after a comma off the text (their apostrophes left
    curly) tells a participle clause as the test over the sentence's tokens does."""
    text = "He left , " + " ".join(words)
    tokens = tokenize(text)
    lowers = lowercase(tokens)
    for k, token in enumerate(tokens):
        if token.text == ",":
            expected = participle_after_comma(tokens, lowers, k, len(tokens)) >= 0
            assert expected == opens_participle(text, token.start, len(text))


def reference_scan_line_with_retry(
    scanner: _Scanner, state: _State, pos: int, line_start: int, line_end: int
) -> _State:
    """``_scan_line_with_retry`` as first written: a snapshot ``_State`` built before
    every line, whether the line is scanned again or not."""
    snapshot = (
        _State(outer=state.outer, inner=None, pending=state.pending),
        len(scanner.quotes),
        len(scanner.diagnostics),
        scanner.next_group,
    )
    scanner.scan_line(state, line_start, line_end, singles_open=True)
    if state.outer is not None and state.outer.family == "single" and state.outer.mark >= pos:
        saved, n_quotes, n_diags, group = snapshot
        del scanner.quotes[n_quotes:]
        del scanner.diagnostics[n_diags:]
        scanner.next_group = group
        state = saved
        scanner.scan_line(state, line_start, line_end, singles_open=False)
    return state


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="“”\"‘’'«» aZ.,\t", max_size=40), st.text(alphabet="“‘'a ", max_size=3))
def test_line_retry_equals_the_snapshot_loop(line: str, before: str) -> None:
    """Keeping only the open marks and counts a retry needs (a state built only for the
    retry) scans a line as the loop that snapshots a whole state before every line does,
    from a state left open by an earlier line too; spaces are skipped as the expression
    skips them."""
    from geobrief.statements._quotes import _SPACES, _after_spaces

    text = before + "\n" + line
    results = []
    for retry in (reference_scan_line_with_retry, _scan_line_with_retry):
        scanner = _Scanner(text)
        state = _State()
        state = retry(scanner, state, 0, 0, len(before))
        scanner.line_break(state, len(before), len(before) + 1, blank=False)
        state = retry(scanner, state, len(before) + 1, len(before) + 1, len(text))
        results.append((scanner.quotes, scanner.diagnostics, scanner.next_group, state))
    assert results[0] == results[1]
    for pos in range(len(text) + 1):
        match = _SPACES.match(text, pos)
        assert match is not None
        assert match.end() == _after_spaces(text, pos)


def test_slot_built_quotes_equal_the_class_built_ones() -> None:
    """``_quote`` sets every field of a ``Quote`` as its ``__init__`` does, and a trimmed
    content span equals the one the checked constructor builds."""
    from geobrief.statements._quotes import _quote, _trimmed

    content = _trimmed("  “ said ”", 3, 9)
    assert Span(start=4, end=8) == content
    assert Quote(2, 9, content, True, 0) == _quote(2, 9, content, True, 0)
    assert Quote(2, None, content, False, 3) == _quote(2, None, content, False, 3)
    assert ["open_mark", "close_mark", "content", "double", "group"] == [
        f.name for f in attrs.fields(Quote)
    ]
