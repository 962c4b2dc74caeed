"""Direct and partial quotations: classify each quotation and find its speaker.

The speaker comes, in order of preference, from a frame right after the
closing mark (``,” said X`` / ``,” X said``), a frame before the opening mark
in the same sentence (``X said: “...”``; for a partial quote, the cue whose
clause holds it), a nominal cue with a possessor (``X’s statement ...: “...”``),
a dash attribution (``” — Foreign Minister X``), the subject of a sentence that
ends with a colon right before the quotation (``X has called the ruling
dangerous:`` and, opening the next paragraph, ``“...”``), and finally the
previous quotation's speaker when nothing else intervenes (``“A,” he said. “B.”``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress

import attrs

from geobrief._model import Span, StatementKind, _trusted_span
from geobrief.statements._context import ArticleContext, SentenceInfo
from geobrief.statements._frames import Frame, phrase_span
from geobrief.statements._lexicon import cues_by_first_word, match_cue, words
from geobrief.statements._phrases import _AUXILIARIES, _PAST_VERBS, phrase_after, phrase_before
from geobrief.statements._quotes import Quote
from geobrief.statements._text import END, START, TEXT

__all__ = ["QuoteAttribution", "attribute_quotes"]

_DIRECT_FRAME_END = (",", ":", "—", "–", "-")
"""Marks that end an attribution frame before a direct quotation (``X said:``)."""
_AFTER_QUOTE_GAP = re.compile(r"[\s,;—–-]*\Z")
_INTRODUCES = re.compile(r"\s*[,:]\s*\Z")
"""What may stand between a cue and the quotation it introduces (``said, “...”``)."""
_DASH_START = re.compile(r"\s*[—–-]{1,2}\s*")
_MIN_UNATTRIBUTED_WORDS = 4
_MAX_DIRECT_GAP_TOKENS = 14
_MAX_COLON_GAP_TOKENS = 40
"""A frame ending in a colon may introduce a quotation from further away."""
_INHERIT_WINDOW = 600
_CUE_FIRST_WORDS = frozenset(cues_by_first_word())
_POSSESSIVES = words("possessive")
_NOUN_CUE_WORD = re.compile(
    "|".join(
        sorted(
            re.escape(word)
            for word, options in cues_by_first_word().items()
            if any(entry.pos == "noun" for _, entry in options)
        )
    )
    or "(?!)",
    re.IGNORECASE,
)
"""Any first word of a noun cue, in any case, anywhere (inside longer words too): where
it is not found, no token can start a noun cue (a token's lowercase form is such a
plain ASCII word only when each of its characters lowercases to the word's letter, and
the expression matches every such character: tested over every code point)."""
_FIRST_PERSON = words("pronoun_first")
_TITLE_MINOR = words("title_minor")


@attrs.define(unsafe_hash=True)
class QuoteAttribution:
    """A quotation with its kind and what was found about who said it.

    Never changed once built (``attrs.evolve`` makes the variants; not frozen only
    because a frozen class's ``__init__`` costs more than twice as much)."""

    quote: Quote
    kind: StatementKind
    cue: str | None = None
    cue_span: Span | None = None
    speaker_span: Span | None = None
    speaker: str | None = None
    addressee: Span | None = None


def _frame_attribution(
    ctx: ArticleContext, quote: Quote, kind: StatementKind, frame: Frame
) -> QuoteAttribution:
    speaker = None
    if frame.speaker is not None and frame.head is not None:
        speaker = ctx.resolve(frame.speaker, frame.head, frame.speaker_is_pronoun)
    return QuoteAttribution(
        quote=quote,
        kind=kind,
        cue=frame.cue.lemma,
        cue_span=frame.cue_span,
        speaker_span=frame.speaker,
        speaker=speaker,
        addressee=frame.addressee,
    )


def _kind(
    ctx: ArticleContext, quote: Quote, sentence: SentenceInfo | None, lower_bound: int
) -> StatementKind:
    """Partial when the quotation sits inside a clause; direct when it stands alone
    or after an attribution frame (``X said:``, ``X said,``)."""
    text = ctx.text
    start = max(sentence.span.start if sentence is not None else 0, lower_bound)
    before = text[start : quote.open_mark].rstrip()
    if not before or before.endswith("\n"):
        return StatementKind.DIRECT
    if before.endswith(_DIRECT_FRAME_END):  # (``before`` ends with no whitespace)
        return StatementKind.DIRECT
    last_word = before.rsplit(None, 1)[-1].lower()
    match = match_cue([last_word], 0)
    if match is not None and match.entry.pos == "verb":
        return StatementKind.DIRECT
    return StatementKind.PARTIAL


def _enclosing_frame(
    ctx: ArticleContext, quote: Quote, sentence: SentenceInfo | None
) -> Frame | None:
    """The speech frame whose reported content holds the quotation after some
    unquoted words (``X said Tehran would respond “decisively” to ...``): the
    quotation is a partial quote of that frame's source."""
    if sentence is None or quote.close_mark is None or not sentence.has_cue:
        return None
    if any(
        frame.speaker is not None
        and frame.cue_span.end <= quote.open_mark
        and _INTRODUCES.match(ctx.text, frame.cue_span.end, quote.open_mark)
        for frame in sentence.frames
    ):
        return None  # a nearer cue introduces it: "... get a message stating, “...”"
    for frame in sentence.frames:
        if frame.cue_span.end > quote.open_mark:
            break
        content = frame.content
        if (
            content is None
            or frame.speaker is None
            or frame.cue.cue_class != "speech"
            or not frame.clause
            or not content.start < quote.open_mark
            or quote.content.end > content.end
            or ctx.in_quote(frame.cue_span.start)
        ):
            continue
        return frame
    return None


def _post_frame(ctx: ArticleContext, quote: Quote, limit: int) -> Frame | None:
    """A frame right after the closing mark: ``,” said X`` or ``,” X said``."""
    if quote.close_mark is None:
        return None
    sentence = ctx.sentence_at(quote.close_mark)
    if sentence is None:
        return None
    frames = list(sentence.frames)
    k = ctx.sentence_index(sentence) + 1
    if (
        k < len(ctx.sentences)
        and ctx.text[sentence.span.end : ctx.sentences[k].span.start].strip() == ""
    ):
        # '"Is it closed?" asked Costa.' splits after "?": a lowercase
        # continuation is still the quotation's attribution.
        following = ctx.sentences[k]
        if following.starts_lowercase:
            frames.extend(following.frames)
    for frame in frames:
        if frame.cue_span.start <= quote.close_mark or frame.cue_span.start >= limit:
            continue
        if frame.speaker is None or frame.inherited or frame.speaker.overlaps(quote.content):
            continue
        first = min(frame.speaker.start, frame.cue_span.start)
        if first <= quote.close_mark:
            continue
        if _AFTER_QUOTE_GAP.match(ctx.text[quote.close_mark + 1 : first]):
            return frame
        return None
    return None


def _pre_frame(
    ctx: ArticleContext, quote: Quote, kind: StatementKind, lower_bound: int
) -> Frame | None:
    """The nearest frame before the opening mark in the same sentence, or in the
    previous sentence when that one ends with a colon or comma (``X stated:\n\n“...”``)."""
    sentence = ctx.sentence_at(quote.open_mark)
    if sentence is None:
        return None
    previous = _introducing_sentence(ctx, sentence, quote, (":", ","))
    if previous is not None:
        sentence = previous
    best: Frame | None = None
    for frame in sentence.frames:
        if frame.cue_span.end > quote.open_mark:
            break
        if frame.cue_span.start < lower_bound or ctx.in_quote(frame.cue_span.start):
            continue
        if frame.speaker is None:
            continue
        best = frame
    if best is None:
        return None
    if kind is StatementKind.PARTIAL:
        # The fragment must sit in the cue's clause: not after a semicolon,
        # not after the end of the cue's own content.
        if ";" in ctx.text[best.cue_span.end : quote.open_mark]:
            return None
        if best.content is not None and best.content.end <= quote.open_mark:
            return None
    if kind is StatementKind.DIRECT:
        gap = sum(
            1 for t in sentence.rows if best.cue_span.end <= t[START] and t[END] <= quote.open_mark
        )
        introduced = ctx.text[best.cue_span.end : quote.open_mark].rstrip().endswith(":")
        if gap > (_MAX_COLON_GAP_TOKENS if introduced else _MAX_DIRECT_GAP_TOKENS):
            return None
    return best


def _nominal(
    ctx: ArticleContext, quote: Quote, kind: StatementKind, lower_bound: int
) -> QuoteAttribution | None:
    """``X’s statement ...: “...”``, ``his remarks ...: “...”``."""
    sentence = ctx.sentence_at(quote.open_mark)
    if sentence is None:
        return None
    if (
        not sentence.tokenized
        and _NOUN_CUE_WORD.search(ctx.text, max(lower_bound, sentence.span.start), quote.open_mark)
        is None
    ):
        return None  # (no noun cue can start there: the sentence need not be split into tokens)
    tokens, lowers = sentence.rows, sentence.lowers
    # Only a token that can start a cue can match one, and only one that starts in
    # [lower_bound, open_mark) can qualify: visit just those, last first.
    lo = bisect_left(tokens, (lower_bound,))
    hi = bisect_left(tokens, (quote.open_mark,), lo)
    for i in reversed(
        list(compress(range(lo, hi), map(_CUE_FIRST_WORDS.__contains__, lowers[lo:hi])))
    ):
        token = tokens[i]
        if token[END] > quote.open_mark:  # (every token from lo on starts at lower_bound or later)
            continue
        match = match_cue(lowers, i)
        if match is None or match.entry.pos != "noun" or i == 0:
            continue
        owner = lowers[i - 1]
        if owner in _POSSESSIVES:
            pronoun = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(owner)
            span = _trusted_span(tokens[i - 1][START], tokens[i - 1][END])  # (a token)
            speaker = (
                ctx.mentions.pronoun(pronoun, span.start, ctx.sentence_starts) if pronoun else None
            )
        elif owner.endswith("'s"):
            phrase = phrase_before(tokens, lowers, i)
            if phrase is None:
                continue
            span, head = phrase_span(tokens, phrase)
            speaker = ctx.resolve(span, head, False)
        else:
            continue
        cue_span = _trusted_span(token[START], token[END])  # (a token)
        return QuoteAttribution(quote, kind, match.entry.lemma, cue_span, span, speaker)
    return None


def _dash(ctx: ArticleContext, quote: Quote, kind: StatementKind) -> QuoteAttribution | None:
    """``“...” — Foreign Minister X``."""
    if quote.close_mark is None:
        return None
    match = _DASH_START.match(ctx.text, quote.close_mark + 1)
    if match is None or "\n" in match.group():
        return None
    sentence = ctx.sentence_at(match.end())
    if sentence is None:
        return None
    tokens, lowers = sentence.rows, sentence.lowers
    index = next((k for k, t in enumerate(tokens) if t[START] >= match.end()), None)
    if index is None:
        return None
    phrase = phrase_after(tokens, lowers, index)
    if phrase is None:
        return None
    span, head = phrase_span(tokens, phrase)
    return QuoteAttribution(
        quote, kind, None, None, span, ctx.resolve(span, head, phrase.is_pronoun(tokens))
    )


def _introducing_sentence(
    ctx: ArticleContext, sentence: SentenceInfo, quote: Quote, endings: tuple[str, ...]
) -> SentenceInfo | None:
    """The sentence before ``sentence`` when the quotation opens ``sentence`` and that
    previous sentence ends with one of ``endings`` (``X stated:`` or ``Galantino has
    called the ruling dangerous:``, then ``“...”`` in the next paragraph)."""
    if ctx.text[sentence.span.start : quote.open_mark].strip():
        return None
    k = ctx.sentence_index(sentence)
    if k == 0:
        return None
    previous = ctx.sentences[k - 1]
    if not ctx.text[previous.span.start : previous.span.end].rstrip().endswith(endings):
        return None
    return previous


def _colon_subject(
    ctx: ArticleContext, quote: Quote, kind: StatementKind
) -> QuoteAttribution | None:
    """``X has called the ruling dangerous:`` + ``“...”``: a sentence that ends with a
    colon introduces the quotation after it, even without a speech cue; the speaker is
    its subject (the phrase before its first verb), when that names a known actor."""
    sentence = ctx.sentence_at(quote.open_mark)
    if sentence is None:
        return None
    sentence = _introducing_sentence(ctx, sentence, quote, (":",))
    if sentence is None:
        return None
    tokens, lowers = sentence.rows, sentence.lowers
    for j in range(1, len(tokens)):
        lower = lowers[j]
        if (
            lower in _AUXILIARIES
            or lower in _PAST_VERBS
            or (lower.endswith("ed") and tokens[j][TEXT][0].islower())
        ):
            phrase = phrase_before(tokens, lowers, j)
            if phrase is None and tokens[j - 1][TEXT] == ",":
                # "The head of X (Y), Name, has ...": the apposition's last part.
                phrase = phrase_before(tokens, lowers, j - 1)
            if phrase is None:
                return None
            span, head = phrase_span(tokens, phrase)
            speaker = ctx.resolve(span, head, phrase.is_pronoun(tokens))
            if speaker is None:
                return None
            return QuoteAttribution(quote, kind, None, None, span, speaker)
    return None


def _words(ctx: ArticleContext, span: Span) -> int:
    return len(ctx.text[span.start : span.end].split())


_TITLE_MAX_WORDS = 8
_SENTENCE_FINAL = (".", "!", "?", "…")
_EDGE_PUNCTUATION = ",;:—–-\"“”‘’'()[]"


def _is_title(ctx: ArticleContext, quote: Quote, kind: StatementKind) -> bool:
    """A quoted title, name or term rather than someone's words: a single word in a
    sentence (``to “streamline” processing``), or a short phrase in title case
    with no sentence-final mark and no first or second person (``“Cowboys and
    Indians”``, ``“The Internet Explorer 6 Countdown”``)."""
    content = ctx.text[quote.content.start : quote.content.end].rstrip(_EDGE_PUNCTUATION)
    if not content or content.endswith(_SENTENCE_FINAL):
        return False
    tokens = content.split()
    if len(tokens) > _TITLE_MAX_WORDS:
        return False
    if len(tokens) == 1 and kind is StatementKind.PARTIAL:
        return True
    cleaned = [t.strip(_EDGE_PUNCTUATION) for t in tokens]
    if any(w.lower() in _FIRST_PERSON for w in cleaned):
        return False
    return title_cased(cleaned)


def title_cased(words: Sequence[str]) -> bool:
    """Whether at least two in three of the content words (those starting with a letter,
    less the minor words of titles: ``of``, ``the`` ...) are capitalized; False when
    there are none."""
    content_words = [w for w in words if w[:1].isalpha() and w.lower() not in _TITLE_MINOR]
    if not content_words:
        return False
    capitalized = sum(1 for w in content_words if w[0].isupper())
    return capitalized * 3 >= len(content_words) * 2


def attribute_quotes(ctx: ArticleContext) -> list[QuoteAttribution]:
    """Kind and attribution of every quotation; skips scare quotes and titles."""
    quotes = ctx.quotes.quotes
    found: list[QuoteAttribution] = []
    by_group: dict[int, QuoteAttribution] = {}
    previous_close = -1
    # Frames before the last direct quotation belong to it; a partial fragment
    # before this quotation does not hide its clause's frame.
    previous_direct_close = -1
    for index, quote in enumerate(quotes):
        next_open = quotes[index + 1].open_mark if index + 1 < len(quotes) else len(ctx.text)
        sentence = ctx.sentence_at(quote.open_mark)
        enclosing = _enclosing_frame(ctx, quote, sentence)
        if enclosing is not None:
            # Quoted words inside someone's reported speech are theirs; one quoted
            # word stays a term (``to “streamline” processing``), as elsewhere.
            if not _is_title(ctx, quote, StatementKind.PARTIAL):
                found.append(_frame_attribution(ctx, quote, StatementKind.PARTIAL, enclosing))
            previous_close = quote.close_mark if quote.close_mark is not None else previous_close
            continue
        kind = _kind(ctx, quote, sentence, previous_close + 1)
        if _is_title(ctx, quote, kind):
            previous_close = quote.close_mark if quote.close_mark is not None else previous_close
            continue
        attribution: QuoteAttribution | None = None
        post = _post_frame(ctx, quote, next_open)
        pre = _pre_frame(ctx, quote, kind, previous_direct_close + 1)
        order = (pre, post) if kind is StatementKind.PARTIAL else (post, pre)
        frame = next((f for f in order if f is not None), None)
        if frame is not None:
            attribution = _frame_attribution(ctx, quote, kind, frame)
        if attribution is None:
            attribution = _nominal(ctx, quote, kind, previous_direct_close + 1) or _dash(
                ctx, quote, kind
            )
        if attribution is None and kind is StatementKind.DIRECT:
            attribution = _colon_subject(ctx, quote, kind)
        if attribution is None and quote.group in by_group:
            base = by_group[quote.group]
            attribution = attrs.evolve(base, quote=quote, kind=kind)
        if attribution is None and kind is StatementKind.DIRECT:
            attribution = _inherited(ctx, quote, kind, found, previous_close)
        if attribution is None:
            if (
                kind is StatementKind.PARTIAL
                or _words(ctx, quote.content) < _MIN_UNATTRIBUTED_WORDS
            ):
                previous_close = (
                    quote.close_mark if quote.close_mark is not None else previous_close
                )
                continue  # a scare quote, a title or a term
            attribution = QuoteAttribution(quote, kind)
        found.append(attribution)
        if attribution.speaker_span is not None:
            by_group.setdefault(quote.group, attribution)
        previous_close = quote.close_mark if quote.close_mark is not None else previous_close
        if kind is StatementKind.DIRECT:
            previous_direct_close = previous_close
    # A quotation continued over paragraphs is often attributed only in its last piece.
    for k, item in enumerate(found):
        if item.speaker_span is None and item.quote.group in by_group:
            base = by_group[item.quote.group]
            found[k] = attrs.evolve(base, quote=item.quote, kind=item.kind)
    return found


def _inherited(
    ctx: ArticleContext,
    quote: Quote,
    kind: StatementKind,
    found: list[QuoteAttribution],
    previous_close: int,
) -> QuoteAttribution | None:
    """An unattributed quotation continues the latest attribution before it:
    a speech frame in the sentences since the previous quotation (``Wilkins
    said ... . “...”``), else the previous quotation's speaker (``“A,” he said. “B.”``)."""
    window_start = max(previous_close + 1, quote.open_mark - _INHERIT_WINDOW)
    for sentence in reversed(_sentences_between(ctx, window_start, quote.open_mark)):
        for frame in reversed(sentence.frames):
            if frame.cue_span.start < window_start or frame.cue_span.end > quote.open_mark:
                continue
            if frame.speaker is None or frame.head is None or ctx.in_quote(frame.cue_span.start):
                continue
            if frame.cue.cue_class != "speech":
                continue
            speaker = ctx.resolve(frame.speaker, frame.head, frame.speaker_is_pronoun)
            return QuoteAttribution(quote, kind, None, None, frame.speaker, speaker)
    if found:
        last = found[-1]
        if (
            last.speaker_span is not None
            and last.quote.close_mark is not None
            and quote.open_mark - last.quote.close_mark < _INHERIT_WINDOW
            and last.quote.close_mark >= previous_close
        ):
            return attrs.evolve(last, quote=quote, kind=kind, cue=None, cue_span=None)
    return None


def _sentences_between(ctx: ArticleContext, start: int, end: int) -> list[SentenceInfo]:
    import bisect

    i = max(0, bisect.bisect_right(ctx.sentence_starts, start) - 1)
    out: list[SentenceInfo] = []
    while i < len(ctx.sentences) and ctx.sentences[i].span.start < end:
        out.append(ctx.sentences[i])
        i += 1
    return out
