"""Noun phrases found by position around a cue, without a tagger.

A phrase is a half-open range of token indices plus the index of its head
word. The rules are deliberately small: capitalized words, content words
after a determiner, ``of``/``for`` links, appositions between commas, and
pronouns. Every function here looks at a bounded number of tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import attrs

from geobrief.statements._lexicon import cues_by_first_word, match_cue, words
from geobrief.statements._text import END, START, TEXT, TokenRow, is_capitalized

__all__ = ["Phrase", "phrase_after", "phrase_before", "skip_modifiers_back"]

_MAX_PHRASE = 12
_MAX_APPOSITION = 20
"""An apposition between commas may be longer than a plain phrase."""
_LINKS = frozenset({"of", "for", "at", "&"})
_DASHES = frozenset({"—", "–", "-"})
_NAME_ABBREVIATIONS = frozenset(
    {"Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "St", "Mr", "Mrs", "Ms", "Dr"}
)


@attrs.define(unsafe_hash=True)
class Phrase:
    """Tokens ``[start, end)`` of a noun phrase and the index of its head word.

    Never changed once built (not frozen only because a frozen class's ``__init__``
    costs twice as much, and the frame search builds dozens per article)."""

    start: int
    end: int
    head: int

    def is_pronoun(self, tokens: Sequence[TokenRow]) -> bool:
        """True for a one-word personal pronoun (he, she, they, it, we, I)."""
        if self.end - self.start != 1:
            return False
        return tokens[self.start][TEXT].lower().replace("’", "'") in _PRONOUNS  # (Token.lower)


@cache
def _pronouns() -> frozenset[str]:
    return (
        words("pronoun_person")
        | words("pronoun_plural")
        | words("pronoun_thing")
        | words("pronoun_first")
    )


@cache
def _function_words() -> frozenset[str]:
    return (
        words("preposition")
        | words("conjunction")
        | words("clause_opener")
        | words("stop_verb")
        | words("auxiliary")
        | _pronouns()
    )


# The closed-class word lists, read once at import.
_PRONOUNS = _pronouns()
_FUNCTION_WORDS = _function_words()
_DETERMINERS = words("determiner")
_POSSESSIVES = words("possessive")
_DETERMINERS_OR_POSSESSIVES = _DETERMINERS | _POSSESSIVES
_AUXILIARIES = words("auxiliary")
_PREPOSITIONS = words("preposition")
_CONTENT_NOUNS = words("content_noun")
_TIME_NOUNS = words("time_noun")
_PAST_VERBS = words("past_verb")
_CUE_FIRST_WORDS = frozenset(cues_by_first_word())
_NOT_NOMINAL = _FUNCTION_WORDS | _DETERMINERS_OR_POSSESSIVES


def _nominal(token: TokenRow, lowers: Sequence[str], i: int) -> bool:
    """Could this token be part of a noun phrase?"""
    text = token[TEXT]
    first = text[0]  # a token is never empty
    if not first.isalnum():
        return text in {".", "-", "&"} and i > 0 and lowers[i - 1][:1].isalnum()
    lower = lowers[i]
    if first.isupper():  # (the commonest case first: a capitalized word)
        return lower not in _NOT_NOMINAL or (len(text) > 1 and text.isupper())  # (WHO)
    if len(text) > 1 and text.isupper():
        return True  # 3M
    if lower in _NOT_NOMINAL:
        return False
    if first.isdigit():
        return True
    if (
        lower.endswith(("ed", "ing"))
        and lower in _CUE_FIRST_WORDS
        and match_cue(lowers, i) is not None
    ):
        return False
    if lower in _PAST_VERBS or lower.endswith("n't") or lower == "cannot":
        # "said Uralsib analyst Chris Weafer commenting ...", "He didn't say ...":
        # a verb or a negated auxiliary is not part of the phrase before it
        return False
    return not lower.endswith("ly")


def skip_modifiers_back(tokens: Sequence[TokenRow], lowers: Sequence[str], j: int, low: int) -> int:
    """From the token before index ``j``, step back over auxiliaries and adverbs;
    return the (exclusive) end of what precedes them."""
    k = j
    steps = 0
    while k > low and steps < 4:
        lower = lowers[k - 1]
        if lower in _AUXILIARIES or (lower.endswith("ly") and not tokens[k - 1][TEXT][0].isupper()):
            k -= 1
            steps += 1
            continue
        break
    return k


def _simple_before(
    tokens: Sequence[TokenRow], lowers: Sequence[str], end: int, low: int
) -> Phrase | None:
    """The plain noun phrase ending at ``end`` (exclusive), or None."""
    if end <= low:
        return None
    last = end - 1
    if lowers[last] in _PRONOUNS:
        return Phrase(last, end, last)
    if not _nominal(tokens[last], lowers, last) or tokens[last][TEXT] == ".":
        return None
    k = last
    head = last
    limit = max(low, end - _MAX_PHRASE)
    while k > limit:
        prev = k - 1
        lower = lowers[prev]
        if lower in _DETERMINERS_OR_POSSESSIVES:
            if not (
                lower == "that"
                and (
                    tokens[k][TEXT][0].isupper()
                    or (prev > 0 and match_cue(lowers, prev - 1) is not None)
                )
            ):
                k = prev  # ("said that bureaucrats ...", "that Tehran would": a complementizer)
            break
        if lower in _LINKS and prev - 1 >= limit and tokens[k][TEXT][0].isupper():
            if tokens[prev - 1][TEXT][0].isupper():
                k = prev
                if lower != "&":
                    head = prev - 1  # "President Hassan Rouhani of Iran": Rouhani
                continue
            break
        if lower == "and" and prev - 1 >= limit and tokens[k][TEXT][0].isupper():
            if tokens[prev - 1][TEXT][0].isupper():
                k = prev
                continue
            break
        if _nominal(tokens[prev], lowers, prev):
            k = prev
            continue
        break
    # Never start on a link word or a trailing period.
    while k < last and (
        lowers[k] in _LINKS or lowers[k] == "and" or not tokens[k][TEXT][0].isalnum()
    ):
        k += 1
    # Nor on a date ("On February 1 Amazon Web Services acknowledged ...").
    while k < last and (
        lowers[k] in _TIME_NOUNS
        or lowers[k].isdigit()
        or (tokens[k][TEXT] in {"March", "May"} and lowers[k + 1].isdigit())
    ):
        k += 1
    if _DETERMINERS.issuperset(lowers[k:end]):
        return None
    return Phrase(k, end, head if head >= k else last)


def phrase_before(
    tokens: Sequence[TokenRow], lowers: Sequence[str], j: int, low: int = 0
) -> Phrase | None:
    """The subject-like noun phrase that ends just before token ``j``.

    Skips auxiliaries and adverbs (``has also``), takes an apposition or a
    relative clause between commas (``Rudenko, the deputy minister,``;
    ``an official, who asked not to be named,``), and extends over
    ``of``/``for`` links (``a spokesman for the ministry``).
    """
    end = j
    if j > low and (lowers[j - 1] in _AUXILIARIES or lowers[j - 1].endswith("ly")):
        end = skip_modifiers_back(tokens, lowers, j, low)  # (else it steps back over none)
    if end - 2 >= low and lowers[end - 1] in _TIME_NOUNS:
        end = _skip_time_back(tokens, lowers, end, low)  # (else there is no time adverbial)
    if end <= low:
        return None
    if lowers[end - 1] == "who" and end - 1 > low:
        # "Devocht, who had told Montalvo ...": the relative pronoun's antecedent.
        before = end - 2 if tokens[end - 2][TEXT] == "," else end - 1
        antecedent = _simple_before(tokens, lowers, before, low)
        if antecedent is None or antecedent.is_pronoun(tokens):
            return None
        return _extend_links(tokens, lowers, antecedent, low)
    if tokens[end - 1][TEXT] == ",":
        return _apposition_before(tokens, lowers, end - 1, low)
    if tokens[end - 1][TEXT] == ")":
        return _parenthesis_before(tokens, lowers, end, low)
    if "who" in lowers[max(low, end - _RELATIVE_WINDOW) : end]:  # (else there is none)
        relative = _relative_clause_before(tokens, lowers, end, low)
        if relative is not None:
            return relative
    phrase = _simple_before(tokens, lowers, end, low)
    if phrase is None:
        return None
    k = phrase.start
    if k - 2 >= low and (lowers[k - 1] in _LINK_BEFORE or lowers[k - 1] in _POSTMODIFIERS):
        return _extend_links(tokens, lowers, phrase, low)
    return phrase  # (no link or postmodifier before it: nothing to extend over)


_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "last", "this", "earlier", "late", "early"})


def _skip_time_back(tokens: Sequence[TokenRow], lowers: Sequence[str], end: int, low: int) -> int:
    """Step back over a time adverbial between the subject and its verb
    (``Neil Basu, on Sunday said``, ``the ministry last week said``)."""
    k = end - 1
    if k - 1 < low or lowers[k] not in _TIME_NOUNS or lowers[k - 1] not in _TIME_PREPOSITIONS:
        return end
    k -= 1
    while k - 1 >= low and lowers[k - 1] in {"late", "early", "on"}:
        k -= 1  # "late on Tuesday"
    if k <= low or tokens[k - 1][TEXT] in {".", "(", "“", '"'}:
        return end
    return k


_PARENTHESIS_WINDOW = 8


def _parenthesis_before(
    tokens: Sequence[TokenRow], lowers: Sequence[str], end: int, low: int
) -> Phrase | None:
    """``The World Health Organization (WHO)``: the phrase before a short
    parenthesis that ends at ``end``, with the parenthesis included."""
    for k in range(end - 2, max(low, end - _PARENTHESIS_WINDOW) - 1, -1):
        text = tokens[k][TEXT]
        if text == "(":
            outer = _simple_before(tokens, lowers, k, low)
            if outer is None or outer.is_pronoun(tokens):
                return None
            outer = _extend_links(tokens, lowers, outer, low)
            return Phrase(outer.start, end, outer.head)
        if text in {")", ",", ";", ":"} or text in _DASHES:
            return None
    return None


_RELATIVE_WINDOW = 10
_POSTMODIFIERS = {"with": "familiar", "to": "close", "on": "briefed"}
"""``officials familiar with ...``, ``people close to ...``, ``sources briefed on ...``."""


def _relative_clause_before(
    tokens: Sequence[TokenRow], lowers: Sequence[str], end: int, low: int
) -> Phrase | None:
    """``a diplomat who asked not to be named``: a noun phrase with a ``who``
    clause (no punctuation inside) that ends at ``end``; the head is the noun's."""
    window = max(low, end - _RELATIVE_WINDOW)
    if "who" not in lowers[window:end]:
        return None  # (what follows can only find a phrase at a "who")
    for k in range(end - 1, window - 1, -1):
        if lowers[k] == "who":
            if k == end - 1:
                return None
            outer = _simple_before(tokens, lowers, k, low)
            if outer is None or outer.is_pronoun(tokens):
                return None
            outer = _extend_links(tokens, lowers, outer, low)
            return Phrase(outer.start, end, outer.head)
        if not tokens[k][TEXT][0].isalnum():
            return None
    return None


_LINK_BEFORE = frozenset({"of", "for", "at"})
"""The links :func:`_extend_links` extends a phrase over."""


def _extend_links(
    tokens: Sequence[TokenRow], lowers: Sequence[str], phrase: Phrase, low: int
) -> Phrase:
    """``the ministry`` preceded by ``a spokesman for`` becomes the whole phrase."""
    k = phrase.start
    if (
        k - 3 >= low
        and _POSTMODIFIERS.get(lowers[k - 1]) == lowers[k - 2]
        and not phrase.is_pronoun(tokens)
    ):
        outer = _simple_before(tokens, lowers, k - 2, low)
        if outer is not None and not outer.is_pronoun(tokens):
            return Phrase(outer.start, phrase.end, outer.head)
    if k - 2 >= low and lowers[k - 1] in _LINK_BEFORE and not phrase.is_pronoun(tokens):
        outer = _simple_before(tokens, lowers, k - 1, low)
        if outer is not None and not outer.is_pronoun(tokens):
            return Phrase(outer.start, phrase.end, outer.head)
    return phrase


def _apposition_before(
    tokens: Sequence[TokenRow], lowers: Sequence[str], comma: int, low: int
) -> Phrase | None:
    """Handle ``X, <apposition, relative clause or aside>,`` ending at the comma index.

    ``Rudenko, the deputy minister,`` and ``the minister, Andrei Rudenko,``
    keep both parts (the head is the name); ``al-Amr, in remarks to TV,`` and
    ``Lavrov, meanwhile,`` keep only the phrase before the aside.
    """
    opening = -1
    has_verb = False
    for k in range(comma - 1, max(low, comma - _MAX_APPOSITION) - 1, -1):
        text = tokens[k][TEXT]
        if text in {",", ";", ":", "(", ")"} or text in _DASHES or not text[0].isalnum():
            if text == ",":
                opening = k
            elif text in {".", "'"} or text[0].isalnum():
                continue
            break
        if (
            lowers[k] in _CUE_FIRST_WORDS
            and match_cue(lowers, k) is not None
            and not is_capitalized(text)
            and lowers[k - 1] not in _PREPOSITIONS
            and lowers[k - 1] not in _DETERMINERS
            and lowers[k] not in _CONTENT_NOUNS
        ):
            has_verb = True
    if has_verb and (opening < 0 or lowers[opening + 1] not in {"who", "which", "whose"}):
        return None  # a clause with its own verb, not an apposition or a relative clause
    if opening < 0:
        # No opening comma: a comma between a long subject and its verb
        # ("Lydia Buchtmann for Food Standards Australia, says").
        alone = _simple_before(tokens, lowers, comma, low)
        if alone is None:
            return None
        alone = _extend_links(tokens, lowers, alone, low)
        return alone if alone.start == low else None
    inner_start = opening + 1
    if inner_start >= comma:
        return None
    first = lowers[inner_start]
    before = _simple_before(tokens, lowers, opening, low)
    if before is None:
        return None
    before = _extend_links(tokens, lowers, before, low)
    if (
        first in {"who", "which", "whose"}
        or first in _PREPOSITIONS
        or (comma - inner_start == 1 and first.endswith("ly"))
    ):
        # A relative clause or an aside describes the phrase before it.
        return Phrase(
            before.start, opening if first not in {"who", "which", "whose"} else comma, before.head
        )
    inner_capital = any(tokens[k][TEXT][0].isupper() for k in range(inner_start, comma))
    head = before.head
    if inner_capital and not tokens[before.head][TEXT][0].isupper():
        head = max(k for k in range(inner_start, comma) if tokens[k][TEXT][0].isupper())
    return Phrase(before.start, comma, head)


def phrase_after(
    tokens: Sequence[TokenRow], lowers: Sequence[str], i: int, high: int | None = None
) -> Phrase | None:
    """The noun phrase that starts at token ``i`` (``said Foreign Minister X``).

    Stops at punctuation, a preposition other than ``of``/``for``, or a verb cue.
    """
    stop = len(tokens) if high is None else min(high, len(tokens))
    if i >= stop:
        return None
    if lowers[i] in _PRONOUNS:
        return Phrase(i, i + 1, i)
    k = i
    if lowers[k] in _DETERMINERS_OR_POSSESSIVES:
        k += 1
    head = -1
    limit = min(stop, i + _MAX_PHRASE)
    while k < limit:
        token = tokens[k]
        lower = lowers[k]
        if (
            lower == "to"
            and head >= 0
            and k + 2 < limit
            and lowers[k + 1] == "the"
            and (tokens[k + 2][TEXT][0].isupper())
        ):
            k += 2  # "Ambassador to the United States Hamdullah Mohib"
            continue
        if lower in _LINKS or lower == "and":
            title_and = (
                lower == "and"
                and k + 2 < limit
                and _nominal(tokens[k + 1], lowers, k + 1)
                and lowers[k + 2] in _LINKS
            )  # "the vice president and chairman of Chrysler"
            if (
                head >= 0
                and k + 1 < limit
                and (tokens[k + 1][TEXT][0].isupper() or lowers[k + 1] in _DETERMINERS or title_and)
            ):
                k += 1
                if lowers[k] in _DETERMINERS:
                    k += 1
                continue
            break
        if lower.endswith("'s") and token[TEXT][0].isalnum():
            head = k
            k += 1
            continue
        if (
            token[TEXT] == "."
            and head == k - 1
            and k + 1 < limit
            and tokens[k + 1][TEXT][0].isupper()
            and tokens[k - 1][END] == token[START]
            and (len(tokens[k - 1][TEXT]) == 1 or tokens[k - 1][TEXT] in _NAME_ABBREVIATIONS)
        ):
            k += 1  # "Apple Inc. CEO Steve Jobs", "John F. Kennedy"
            continue
        if _nominal(token, lowers, k) and token[TEXT] != ".":
            if (
                lower in _CUE_FIRST_WORDS
                and match_cue(lowers, k) is not None
                and not token[TEXT][0].isupper()
                and head >= 0
            ):
                break
            if (
                head >= 0
                and token[TEXT][0].islower()
                and (
                    (lower.endswith("ed") and not lowers[k - 1].endswith("ly"))
                    or lower in _PAST_VERBS
                )
            ):
                break  # "Smith rejected the offer", "The minister spoke": a verb after the head
            head = k
            k += 1
            continue
        break
    if head < 0:
        return None
    return Phrase(i, head + 1, head)
