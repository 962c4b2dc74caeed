"""Attribution frames: a cue, who it is attributed to, and what is attributed.

A frame is found in one sentence around one cue of the lexicon:
``X said (that) ...``, ``X warned Y against ...``, ``..., X said.``,
``..., said X.``, ``According to X, ...``, ``..., framing ... as ...`` (a
participle that inherits the subject of its clause). The direct-quote and
reported-speech extractors and the claim extractor all start from frames.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress

import attrs

from geobrief._model import Span, _trusted_span
from geobrief.statements._lexicon import (
    CueEntry,
    cues_by_first_word,
    match_cue,
    source_type,
    words,
)
from geobrief.statements._phrases import Phrase, phrase_after, phrase_before
from geobrief.statements._text import END, START, TEXT, TOKEN_PATTERN, TokenRow

__all__ = ["Frame", "find_frames", "opens_participle", "participle_after_comma", "phrase_span"]

_THAT_WINDOW = 10
_MAX_CONTENT_TOKENS = 400
_TRAILING = frozenset({".", ",", ":", ";", "!", "?", "—", "–", "-"})
_QUOTE_TOKENS = frozenset("“”„‟«»「」『』〝〞〟\"＂‘’‚‛‹›'")
_CLAUSE_STOP = frozenset({";", "—", "–"})
_CLAUSE_BREAKS = _CLAUSE_STOP | {"and", "but", ","}
"""Lowercase tokens where a content clause may end (punctuation lowers to itself)."""
_NOT_PARTICIPLE_STOP = frozenset({"including", "regarding", "concerning", "following", "during"})
_CONTENT_START_SKIP = _QUOTE_TOKENS | _TRAILING
_WINDOW_STOPS = _QUOTE_TOKENS | {",", ".", ";", ":", "!", "?"}
"""Tokens that end the search for ``that`` or a preposition after a cue."""
_POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S")
"""A token whose lowercase form ends with ``'s`` ends with one of these (no other
character lowers to an apostrophe or an ``s``)."""
# The lexicons, read once at import.
_CUE_FIRST_WORDS = frozenset(cues_by_first_word())
_MULTIWORD_CUES_FRAME = all(
    entry.pos in {"verb", "prep"}
    for options in cues_by_first_word().values()
    for form, entry in options
    if len(form) > 1
)
"""Every cue of several words is a verb or a preposition (what the lexicon scan reports):
no noun cue covers the words after its first (see :func:`find_frames`)."""
_PREPOSITIONS = words("preposition")
_CONTENT_NOUNS = words("content_noun")
_DETERMINERS_OR_POSSESSIVES = words("determiner") | words("possessive")
_TIME_MODIFIERS = words("time_modifier")
_TIME_NOUNS = words("time_noun")
_ADVERBIAL_STARTS = _PREPOSITIONS | _TIME_MODIFIERS | _TIME_NOUNS
_NOT_BARE_CLAUSE_START = (
    words("preposition") | words("conjunction") | words("clause_opener") | words("stop_verb")
)


@attrs.define(unsafe_hash=True)
class Frame:
    """One attribution cue in a sentence with its source and content, as far as found.

    Never changed once built (not frozen only because a frozen class's ``__init__`` costs
    more than twice as much, and the frame search builds one per cue)."""

    cue: CueEntry
    cue_span: Span
    cue_index: int
    """Token index of the cue's first word in the sentence's tokens."""
    speaker: Span | None
    """The source phrase (a name, a description or a pronoun)."""
    head: Span | None
    """The head word of the source phrase."""
    content: Span | None
    """What is attributed (None when the cue only introduces a quotation)."""
    addressee: Span | None = None
    """The object of ``told``/``warned``, if any."""
    inherited: bool = False
    """True when a participle (``..., framing ...``) took the clause's source."""
    speaker_is_pronoun: bool = False
    clause: bool = True
    """False when the content is a prepositional object (``warned against ...``,
    ``described X as ...``) rather than a clause."""


_span = _trusted_span
"""Every span built here runs from a token's start to the end of the same or a later
token (of tokens in text order), so its offsets need no check (the article checks them)."""


def phrase_span(tokens: Sequence[TokenRow], phrase: Phrase) -> tuple[Span, Span]:
    """The character span of a phrase (without a final possessive ``’s``) and of its head."""
    last = tokens[phrase.end - 1]
    end = last[END]
    if last[TEXT].endswith(_POSSESSIVE_ENDINGS) and len(last[TEXT]) > 2:
        end -= 2
    if phrase.head == phrase.end - 1:  # (the head is the last word, most often)
        return _span(tokens[phrase.start][START], end), _span(last[START], end)
    head = tokens[phrase.head]
    head_end = (
        head[END] - 2
        if head[TEXT].endswith(_POSSESSIVE_ENDINGS) and len(head[TEXT]) > 2
        else head[END]
    )
    return _span(tokens[phrase.start][START], end), _span(head[START], head_end)


def _clause_end(tokens: Sequence[TokenRow], lowers: Sequence[str], start: int, stop: int) -> int:
    """Token index where content starting at ``start`` ends (exclusive); content is
    at most :data:`_MAX_CONTENT_TOKENS` long (linear time on run-on input)."""
    stop = min(stop, start + _MAX_CONTENT_TOKENS)
    k = max(start, stop)
    # Only a stop mark, "and" or a comma can end the clause: visit just those.
    for at in compress(range(start, stop), map(_CLAUSE_BREAKS.__contains__, lowers[start:stop])):
        lower = lowers[at]
        if lower in _CLAUSE_STOP:
            k = at
            break
        if lower in {"and", "but"} and at + 1 < stop and at > start:
            following = match_cue(lowers, at + 1)
            if following is not None and following.entry.pos == "verb":
                k = at
                break  # "..., and predicted that ...": the next cue's own clause
        if lower == "," and at + 1 < stop:
            if (
                at > start
                and tokens[at - 1][END] == tokens[at][START]
                and tokens[at][END] == tokens[at + 1][START]
            ):
                continue  # a comma inside a number or a word ("32,000"), not a clause break
            after = lowers[at + 1]
            if (
                after.endswith(_PARTICIPLE_OR_ADJUNCT_ENDINGS) or after in _ADJUNCT_ADVERBS
            ) and participle_after_comma(tokens, lowers, at, stop) >= 0:
                k = at  # (a participle clause opens with an -ing word, or an adverb before one)
                break
            if after == "according":
                k = at
                break
            if _trailing_attribution(tokens, lowers, at + 1, stop):
                k = at
                break
    while k > start and tokens[k - 1][TEXT] in _TRAILING:
        k -= 1
    return k


_ADJUNCT_ADVERBS = frozenset({"further", "thus", "thereby", "also", "again", "still"})
_PARTICIPLE_OR_ADJUNCT_ENDINGS = ("ing", "ly")
"""What the word after a comma ends with (or is one of :data:`_ADJUNCT_ADVERBS`) when
:func:`participle_after_comma` can find a participle there."""


def participle_after_comma(
    tokens: Sequence[TokenRow], lowers: Sequence[str], k: int, stop: int
) -> int:
    """If token ``k`` is a comma that opens a participle clause (``, highlighting``,
    ``, further solidifying``), the index of the clause's first word; else -1."""
    if tokens[k][TEXT] != "," or k + 1 >= stop:
        return -1
    j = k + 1
    if (lowers[j] in _ADJUNCT_ADVERBS or lowers[j].endswith("ly")) and j + 1 < stop:
        j += 1
    word = lowers[j]
    if (
        word.endswith("ing")
        and word.isalpha()
        and len(word) > 4
        and word not in _NOT_PARTICIPLE_STOP
    ):
        return k + 1
    return -1


_NEXT_TOKEN = re.compile(r"\s*(" + TOKEN_PATTERN + ")")


def opens_participle(text: str, comma: int, end: int) -> bool:
    """:func:`participle_after_comma` for the comma at offset ``comma`` of a sentence
    ending at ``end``, reading only the two tokens after it.

    (A token's curly apostrophes are left as they are: made straight, they would still
    be no letter, and no word this looks up holds one.)"""
    first = _NEXT_TOKEN.match(text, comma + 1, end)
    if first is None:
        return False
    word = first.group(1).lower()
    if word in _ADJUNCT_ADVERBS or word.endswith("ly"):
        second = _NEXT_TOKEN.match(text, first.end(), end)
        if second is not None:
            word = second.group(1).lower()
    return (
        word.endswith("ing")
        and word.isalpha()
        and len(word) > 4
        and word not in _NOT_PARTICIPLE_STOP
    )


def _trailing_attribution(
    tokens: Sequence[TokenRow], lowers: Sequence[str], i: int, stop: int
) -> bool:
    """True when tokens ``i..stop`` read like ``he said.`` / ``said the ministry.``."""
    window_end = min(stop, i + 8)
    if _CUE_FIRST_WORDS.isdisjoint(lowers[i:window_end]):
        return False  # (no cue can start in the window: the loop finds none)
    for k in range(i, window_end):
        match = (
            match_cue(lowers, k)
            if lowers[k] in _CUE_FIRST_WORDS and not tokens[k][TEXT][0].isupper()
            else None
        )
        if match is not None and match.entry.pos == "verb":
            after = k + match.length
            rest = stop - after  # tokens after the cue
            if k > i and not _attribution_tail(tokens, lowers, match.entry, after, stop):
                return False  # ", a predator called the sevengill shark moved in"
            return rest <= 10 and "that" not in lowers[after:stop]
        if tokens[k][TEXT] in {",", ";"}:
            return False
    return False


def _ends_attribution(
    tokens: Sequence[TokenRow], lowers: Sequence[str], after: int, stop: int
) -> bool:
    """Whether what follows ``X said`` can end a trailing attribution: the sentence's
    end, a comma, a quote mark, or an adverbial (``said on Monday.``)."""
    text = tokens[after][TEXT]
    if not text[0].isalnum():
        return True
    lower = lowers[after]
    return lower in _ADVERBIAL_STARTS or lower.endswith("ly")


def _attribution_tail(
    tokens: Sequence[TokenRow], lowers: Sequence[str], cue: CueEntry, after: int, stop: int
) -> bool:
    """Whether the tokens after ``X said`` (or ``X told Y``) can close a trailing
    attribution, unlike ``a predator called the sevengill shark moved in`` (a cue
    that takes no clause never closes one)."""
    if not (cue.takes_that or cue.takes_bare_clause):
        return False
    if after >= stop:
        return True
    if cue.takes_object and tokens[after][TEXT][0].isalnum():
        obj = phrase_after(tokens, lowers, after, stop)
        if obj is not None:
            after = obj.end
            if after >= stop:
                return True
    return _ends_attribution(tokens, lowers, after, stop)


def _that_reaches_cue(
    tokens: Sequence[TokenRow], lowers: Sequence[str], cue: CueEntry, after: int, that: int
) -> bool:
    """Whether ``that`` at index ``that`` opens the cue's content clause rather than a
    relative clause: nothing in between, an addressee, a prepositional phrase or an
    adverb (``said in a statement that``), or a speech noun (``reiterated X's assertions that``)."""
    if that == after or cue.takes_object:
        return True
    first = lowers[after]
    if first in _ADVERBIAL_STARTS or first.endswith("ly"):
        return True
    return lowers[that - 1] in _CONTENT_NOUNS


def _time_adverbial_end(lowers: Sequence[str], start: int, stop: int) -> int:
    """The index after a time adverbial at ``start`` (``on Monday``, ``last week``,
    ``earlier this month``, ``late on Tuesday``, ``on March 3``), or ``start`` when
    there is none: a run of time words and numbers that ends with a time noun or a number."""
    end = start
    k = start
    while k < stop and k < start + 6:
        lower = lowers[k]
        if lower in _TIME_NOUNS or lower.isdigit():
            end = k + 1
        elif lower not in _TIME_MODIFIERS:
            break
        k += 1
    return end


def _aside_before_that(
    tokens: Sequence[TokenRow], lowers: Sequence[str], after: int, stop: int
) -> int:
    """``said, in an interview, that ...``: when a comma-enclosed adverbial follows
    the cue and ``that`` comes after it, the index of ``that``; else -1."""
    if after + 1 >= stop or tokens[after][TEXT] != ",":
        return -1
    if lowers[after + 1] not in _ADVERBIAL_STARTS and not lowers[after + 1].endswith("ly"):
        return -1
    for k in range(after + 2, min(stop - 1, after + _THAT_WINDOW)):
        text = tokens[k][TEXT]
        if text == ",":
            return k + 1 if lowers[k + 1] == "that" else -1
        if not text[0].isalnum():
            return -1
    return -1


def _addressee(
    lowers: Sequence[str], tokens: Sequence[TokenRow], start: int, end: int
) -> Span | None:
    """The object of ``told``/``warned`` between ``start`` and ``end``: none when
    the gap opens with an adverbial (``warned on Monday that``); cut before a
    trailing adverbial (``told reporters in Tehran on Monday that``)."""
    if end <= start:
        return None
    first = lowers[start]
    if first in _PREPOSITIONS or _time_adverbial_end(lowers, start, end) > start:
        return None
    for k in range(start + 1, end):
        lower = lowers[k]
        if lower in _PREPOSITIONS and lower not in {"of", "for"}:
            end = k
            break
        if lower not in _TIME_MODIFIERS and (lower in _TIME_NOUNS or lower.isdigit()):
            end = k  # (a time adverbial opens here: what _time_adverbial_end tells)
            break
    return _span(tokens[start][START], tokens[end - 1][END])


def _content_span(tokens: Sequence[TokenRow], start: int, end: int) -> Span | None:
    while start < end and tokens[start][TEXT] in _CONTENT_START_SKIP:
        start += 1
    if end <= start:
        return None
    return _span(tokens[start][START], tokens[end - 1][END])


def _after_cue(
    tokens: Sequence[TokenRow], lowers: Sequence[str], cue: CueEntry, after: int, stop: int
) -> tuple[Span | None, Span | None, bool]:
    """The content and the addressee that follow a verb cue, and whether the content
    is a clause (``said that ...``) rather than a prepositional object (``warned against ...``)."""
    if after + 1 < stop and tokens[after][TEXT] == ",":  # (else _aside_before_that finds none)
        aside_that = _aside_before_that(tokens, lowers, after, stop)
        if aside_that >= 0:
            after = aside_that
    k = after
    limit = min(stop, after + _THAT_WINDOW)
    found_that = -1
    found_prep = -1
    while k < limit:
        lower = lowers[k]
        if tokens[k][TEXT] in _WINDOW_STOPS:
            break
        if lower == "that" and found_that < 0:
            if _that_reaches_cue(tokens, lowers, cue, after, k):
                found_that = k
            break
        if lower in cue.preps and found_prep < 0 and k > after:
            found_prep = k
            break
        if lower in _CUE_FIRST_WORDS and k > after:
            found_cue = match_cue(lowers, k)
            if (
                found_cue is not None
                and found_cue.entry.pos == "verb"
                and lower not in {"state", "states"}
            ):
                break
        k += 1
    addressee: Span | None = None
    if cue.takes_object:
        obj_end = found_that if found_that >= 0 else found_prep
        addressee = _addressee(lowers, tokens, after, obj_end)
    if found_that >= 0 and cue.takes_that:
        start = found_that + 1
        end = _clause_end(tokens, lowers, start, stop)
        return _content_span(tokens, start, end), addressee, True
    if found_prep >= 0:
        end = _clause_end(tokens, lowers, after, stop)
        return _content_span(tokens, after, end), addressee, False
    if cue.takes_object and cue.takes_that and found_that < 0 and found_prep < 0:
        # "told CBC News the department will ...": an addressee, then a clause.
        obj = phrase_after(tokens, lowers, after, stop)
        if (obj is not None and not obj.is_pronoun(tokens)) or (
            obj is not None and lowers[obj.start] in {"him", "her", "them", "us", "me"}
        ):
            assert obj is not None
            content = _bare_clause(tokens, lowers, _time_adverbial_end(lowers, obj.end, stop), stop)
            if content is not None:
                return content, _span(tokens[after][START], tokens[obj.end - 1][END]), True
    if cue.takes_bare_clause and not cue.takes_object:
        # "said on Monday the talks had failed": a time adverbial before the clause.
        content = _bare_clause(tokens, lowers, _time_adverbial_end(lowers, after, stop), stop)
        if content is not None:
            return content, None, True
    return None, addressee, False


_NOT_CLAUSE_START = frozenset(
    {"to", "so", "goodbye", "hello", "yes", "no", "nothing", "something"}
) | words("cue_object")
"""Words that start an object of the cue, not a clause (``claimed responsibility``)."""


def _bare_clause(
    tokens: Sequence[TokenRow], lowers: Sequence[str], start: int, stop: int
) -> Span | None:
    """A content clause without ``that`` (``says there were concerns``), if one starts here."""
    if start >= stop:
        return None
    first = tokens[start]
    lower = lowers[start]
    if not first[TEXT][0].isalnum() or lower in _NOT_CLAUSE_START or lower in {"that", "this"}:
        return None
    if lower in _NOT_BARE_CLAUSE_START or lower in {"not", "never"}:
        return None
    if lower.endswith("ly") and not first[TEXT][0].isupper():
        return None
    end = _clause_end(tokens, lowers, start, stop)
    if end - start < 4:
        return None
    return _content_span(tokens, start, end)


def _content_before(
    tokens: Sequence[TokenRow], lowers: Sequence[str], comma: int, low: int
) -> Span | None:
    """Content that precedes a trailing attribution: ``<content>, X said.``"""
    if comma <= low or tokens[comma][TEXT] != ",":
        return None
    return _content_span(tokens, low, comma)


def _token_indices(tokens: Sequence[TokenRow], offsets: Sequence[int]) -> list[int]:
    """The indices of the tokens that start at ``offsets`` (in order; an offset where no
    token of ``tokens`` starts has none)."""
    found: list[int] = []
    n = len(tokens)
    for offset in offsets:
        k = bisect_left(tokens, (offset,))  # (the first token starting at or after it)
        if k < n and tokens[k][START] == offset:
            found.append(k)
    return found


def find_frames(
    tokens: Sequence[TokenRow], lowers: Sequence[str], cue_starts: Sequence[int] | None = None
) -> list[Frame]:
    """Every attribution frame in one sentence's tokens, in order.

    ``cue_starts``: where the lexicon scan of the whole text found the verb and
    preposition cues of the sentence start (:meth:`LexiconScan.cue_starts_in`), when the
    caller has them; only the tokens there are then tried, instead of every token whose
    word can start a cue. The frames are the same: the other words start no cue here or
    a noun cue, which frames nothing and, being one word (:data:`_MULTIWORD_CUES_FRAME`),
    covers no later cue; a cue that the scan found ending past the sentence is matched
    again within it."""
    frames: list[Frame] = []
    n = len(tokens)
    resume = 0
    candidates = (
        _token_indices(tokens, cue_starts)
        if cue_starts is not None and _MULTIWORD_CUES_FRAME
        else compress(range(n), map(_CUE_FIRST_WORDS.__contains__, lowers))
    )
    for i in candidates:
        if i < resume:
            continue  # inside the previous cue
        match = match_cue(lowers, i)
        if match is None:
            continue
        entry = match.entry
        after = i + match.length
        resume = after
        if (
            after < len(tokens)
            and tokens[after][TEXT] == "-"
            and tokens[after][START] == tokens[after - 1][END]
        ):
            continue  # "claim-related", "asylum claim- 'backlog'": part of a compound
        pos = entry.pos
        if pos == "verb":
            if i > 0 and tokens[i][TEXT][0].isupper():
                continue  # "United States", "Reports" inside a sentence: a name, not a verb
            cue_span = _span(tokens[i][START], tokens[after - 1][END])
            frame = _verb_frame(tokens, lowers, entry, i, after, cue_span, frames)
        elif pos == "prep":
            cue_span = _span(tokens[i][START], tokens[after - 1][END])
            frame = _according_to(tokens, lowers, entry, i, after, cue_span)
        else:
            continue  # a noun cue frames nothing by itself
        if frame is not None:
            frames.append(frame)
    return frames


_PARTICIPLE_OPENERS = frozenset({"while", "whilst", "after", "before", "when", "by"})
"""Words after which a participle cue shares the sentence's subject (``X ..., while adding``)."""
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def _passive(tokens: Sequence[TokenRow], lowers: Sequence[str], phrase: Phrase, i: int) -> bool:
    """``... is expected``, ``was told``: a passive cue, whose subject is not its source."""
    return not _BE.isdisjoint(lowers[phrase.end : i]) and not lowers[i].endswith("ing")


def _according_to(
    tokens: Sequence[TokenRow],
    lowers: Sequence[str],
    entry: CueEntry,
    i: int,
    after: int,
    cue_span: Span,
) -> Frame | None:
    phrase = phrase_after(tokens, lowers, after)
    if phrase is None:
        return None
    speaker, head = phrase_span(tokens, phrase)
    n = len(tokens)
    content: Span | None = None
    opening = all(not tokens[k][TEXT][0].isalnum() or lowers[k] in {"but", "and"} for k in range(i))
    if opening:
        k = phrase.end
        comma = _source_extension_end(tokens, k, n)
        if comma > k:
            # "According to a poll published by NBC News last week, ...": the
            # source runs to the comma.
            speaker = _span(speaker.start, tokens[comma - 1][END])
            k = comma
        if k < n and tokens[k][TEXT] == ",":
            k += 1
        end = _clause_end(tokens, lowers, k, n)
        content = _content_span(tokens, k, end)
    elif i > 0 and tokens[i - 1][TEXT] == ",":
        content = _content_before(tokens, lowers, i - 1, 0)
    return Frame(
        cue=entry,
        cue_span=cue_span,
        cue_index=i,
        speaker=speaker,
        head=head,
        content=content,
        speaker_is_pronoun=phrase.is_pronoun(tokens),
    )


_MAX_SOURCE_EXTENSION = 12


def _source_extension_end(tokens: Sequence[TokenRow], k: int, n: int) -> int:
    """When a fronted ``according to`` source phrase is followed by more words
    (``published by NBC News``) or a parenthesis (``(WHO)``) and then a comma,
    the comma's index; else ``k``."""
    if k < n and tokens[k][TEXT] == "(":
        for at in range(k + 1, min(n - 1, k + _MAX_SOURCE_EXTENSION)):
            if tokens[at][TEXT] == ")":
                return at + 1 if tokens[at + 1][TEXT] == "," else k
        return k
    if k >= n or not tokens[k][TEXT][0].isalpha() or tokens[k][TEXT][0].isupper():
        return k
    for at in range(k + 1, min(n, k + _MAX_SOURCE_EXTENSION)):
        text = tokens[at][TEXT]
        if text == ",":
            return at
        if not (text[0].isalnum() or text in {".", "-", "'", "’"}):
            return k
    return k


def _by_agent(
    tokens: Sequence[TokenRow],
    lowers: Sequence[str],
    entry: CueEntry,
    i: int,
    after: int,
    cue_span: Span,
) -> Frame | None:
    """``it is asserted by the Crown that ...``: a passive cue whose ``by`` phrase is
    the source; any other passive cue (``is expected``) has no source here."""
    n = len(tokens)
    if after >= n or lowers[after] != "by":
        return None
    agent = phrase_after(tokens, lowers, after + 1)
    if agent is None or agent.is_pronoun(tokens):
        return None
    head_word = tokens[agent.head][TEXT]
    if not head_word[0].isupper() and source_type(head_word) != "person":
        return None  # "explained by the fact that": not a speaker
    content, _, clause = _after_cue(tokens, lowers, entry, agent.end, n)
    if content is None:
        return None
    speaker, head = phrase_span(tokens, agent)
    return Frame(
        cue=entry,
        cue_span=cue_span,
        cue_index=i,
        speaker=speaker,
        head=head,
        content=content,
        clause=clause,
    )


_SUBORDINATORS = words("subordinator")
_FRONTED_SUBJECT_WINDOW = 12
"""How far into the sentence the speaker of a fronted clause may start."""
_FRONTED_CLAUSE_WINDOW = 60
"""Tokens searched for the comma that closes a fronted clause (bounded: linear time)."""


def _fronted_clause_end(
    tokens: Sequence[TokenRow], lowers: Sequence[str], phrase: Phrase | None, after: int, n: int
) -> int:
    """Where the content of a cue inside a fronted subordinate clause must end:
    ``After X tweeted that ..., Twitter placed ...`` stops at the comma."""
    if (
        phrase is None
        or not 1 <= phrase.start <= _FRONTED_SUBJECT_WINDOW
        or lowers[0] not in _SUBORDINATORS
    ):
        return n
    if any(tokens[k][TEXT] == "," for k in range(1, phrase.start)):
        return n  # "If anything, X said ...": the fronted part ended before the speaker
    for k in range(after, min(n, after + _FRONTED_CLAUSE_WINDOW)):
        if tokens[k][TEXT] == "," and not (
            tokens[k - 1][END] == tokens[k][START]
            and k + 1 < n
            and tokens[k][END] == tokens[k + 1][START]
        ):
            return k
    return n


def _inverted_aside(tokens: Sequence[TokenRow], lowers: Sequence[str], i: int, after: int) -> bool:
    """``<content>, said X, <content>``: a cue between commas whose subject follows it
    (a name or a pronoun, then a comma or the sentence's end)."""
    n = len(tokens)
    if i < 1 or tokens[i - 1][TEXT] != "," or after >= n:
        return False
    subject = phrase_after(tokens, lowers, after)
    if subject is None:
        return False
    if not (subject.is_pronoun(tokens) or tokens[subject.head][TEXT][0].isupper()):
        return False
    return subject.end >= n or tokens[subject.end][TEXT] in {",", "."}


_DISCOURSE = words("discourse")
_FRONTED_ADVERBIAL_OPENERS = _DISCOURSE | _PREPOSITIONS | _SUBORDINATORS
_MAX_FRONTED_ADVERBIAL = 6


def _after_fronted_adverbials(tokens: Sequence[TokenRow], lowers: Sequence[str], stop: int) -> int:
    """The index after up to two short fronted adverbials, each closed by a comma
    (``However, on the document, it referred ...``): where the subject starts."""
    start = 0
    for _ in range(2):
        if start >= stop or lowers[start] not in _FRONTED_ADVERBIAL_OPENERS:
            break
        comma = next(
            (
                k
                for k in range(start + 1, min(stop, start + _MAX_FRONTED_ADVERBIAL))
                if tokens[k][TEXT] == ","
            ),
            -1,
        )
        if comma < 0:
            break
        start = comma + 1
    return start


def _as_clause(
    tokens: Sequence[TokenRow], lowers: Sequence[str], cue: CueEntry, after: int, stop: int
) -> tuple[Span | None, Span | None]:
    """``As X told Y, <content>``: the clause after the comma is what was said."""
    k = after
    addressee: Span | None = None
    if cue.takes_object and k < stop and tokens[k][TEXT] != ",":
        obj = phrase_after(tokens, lowers, k, stop)
        if obj is None:
            return None, None
        addressee = _span(tokens[k][START], tokens[obj.end - 1][END])
        k = obj.end
    if k >= stop or tokens[k][TEXT] != ",":
        return None, None
    end = _clause_end(tokens, lowers, k + 1, stop)
    content = _content_span(tokens, k + 1, end)
    return (content, addressee) if content is not None else (None, None)


def _verb_frame(
    tokens: Sequence[TokenRow],
    lowers: Sequence[str],
    entry: CueEntry,
    i: int,
    after: int,
    cue_span: Span,
    earlier: Sequence[Frame],
) -> Frame | None:
    n = len(tokens)
    cue_lower = lowers[i]
    if i > 0 and lowers[i - 1] in _DETERMINERS_OR_POSSESSIVES:
        return None  # "the claims", "his statement": a noun, not a verb
    participle = (
        cue_lower.endswith("ing")
        and i > 0
        and (tokens[i - 1][TEXT] == "," or lowers[i - 1] in _PARTICIPLE_OPENERS)
    )  # "..., adding that ...", "... while promising that ..."
    # "X tweeted to Y and said ...": a coordinated verb shares the subject.
    coordinated = i > 0 and lowers[i - 1] in {"and", "but"} and any(f.speaker for f in earlier)
    participle = participle or coordinated
    phrase = None if participle else phrase_before(tokens, lowers, i)
    if (
        phrase is not None
        and tokens[i - 1][TEXT] == ","  # (what _inverted_aside needs first; i > 0 here)
        and _inverted_aside(tokens, lowers, i, after)
        and not any(tokens[k][TEXT] == "," for k in range(phrase.start, i - 1))
    ):
        phrase = None  # "Institutional recipients, said Mauer, are required ..."
    # (no word between the subject and the cue: not passive, as _passive finds)
    if phrase is not None and phrase.end < i and _passive(tokens, lowers, phrase, i):
        return _by_agent(tokens, lowers, entry, i, after, cue_span)
    inherited = False
    speaker: Span | None = None
    head: Span | None = None
    is_pronoun = False
    inverted = False
    if participle:
        source = next((f for f in reversed(earlier) if f.speaker is not None), None)
        if source is not None:
            speaker, head, is_pronoun = source.speaker, source.head, source.speaker_is_pronoun
        else:
            # No cue before: the participle takes the sentence's subject
            # ("Smith rejected the offer, calling it ...").
            subject = phrase_after(tokens, lowers, _after_fronted_adverbials(tokens, lowers, i), i)
            if subject is None or subject.end >= i - 1:
                return None
            speaker, head = phrase_span(tokens, subject)
            is_pronoun = subject.is_pronoun(tokens)
        inherited = True
    elif phrase is None:
        after_quote = i > 0 and (
            tokens[i - 1][TEXT] in {",", "—"} or tokens[i - 1][TEXT] in _QUOTE_TOKENS
        )
        if after < n and lowers[after] == "that":
            return None  # "..., declared that X was ...": not an inverted attribution
        if after_quote or (i == 0 and tokens[0][TEXT][0].islower()):
            after_phrase = phrase_after(tokens, lowers, after)
            if after_phrase is None:
                return None
            speaker, head = phrase_span(tokens, after_phrase)
            is_pronoun = after_phrase.is_pronoun(tokens)
            inverted = True
            after = after_phrase.end
        else:
            return None
    else:
        speaker, head = phrase_span(tokens, phrase)
        is_pronoun = phrase.is_pronoun(tokens)
    content: Span | None = None
    addressee: Span | None = None
    clause = True
    if not inverted:
        content, addressee, clause = _after_cue(
            tokens,
            lowers,
            entry,
            after,
            # (a sentence that opens with no subordinator has no fronted clause)
            _fronted_clause_end(tokens, lowers, phrase, after, n)
            if lowers[0] in _SUBORDINATORS
            else n,
        )
    if content is None and phrase is not None and phrase.start == 1 and lowers[0] == "as":
        content, addressee = _as_clause(tokens, lowers, entry, after, n)
        clause = True
    comma = (i - 1) if inverted else (phrase.start - 1 if phrase is not None else -1)
    if (
        content is None
        and 0 < comma
        and tokens[comma][TEXT] == ","
        and after + 1 < n
        and tokens[after][TEXT] == ","
        and tokens[after + 1][TEXT][0].isalpha()
        and not tokens[after + 1][TEXT][0].isupper()
        and participle_after_comma(tokens, lowers, after, n) < 0
    ):
        # "These orcas, she suggested, specialize in ...": the attribution interrupts
        # the content, which runs from the sentence's start to the clause's end.
        content = _content_span(tokens, 0, _clause_end(tokens, lowers, after + 1, n))
    # "<content>, X said." or "<content>, said X."
    if (
        content is None
        and comma > 0
        and n - after <= 8
        and (inverted or _attribution_tail(tokens, lowers, entry, after, n))
        and not any(match_cue(lowers, k) for k in range(after, n) if lowers[k] in _CUE_FIRST_WORDS)
    ):
        content = _content_before(tokens, lowers, comma, 0)
    return Frame(
        entry,  # cue
        cue_span,
        i,  # cue_index
        speaker,
        head,
        content,
        addressee,
        inherited,
        is_pronoun,  # speaker_is_pronoun
        clause or content is None,  # clause
    )
