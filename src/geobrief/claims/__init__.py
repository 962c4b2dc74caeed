"""Claim extraction: attributed, statement and article-voice claims with hedging.

``extract_claims`` is the pipeline stage. It makes a claim of

- every statement's content, with the speaker as its source;
- every other attribution frame (``Reports indicate that ...``,
  ``intelligence reports suggest that ...``, ``X believes that ...``), with an
  anonymous or actor source;
- the article's own voice: key points, summary and FAQ answers, and body
  sentences that name an actor or carry a hedge, one claim per main clause
  and per participle clause (``..., indicating a commitment``).

Hedges and negation come from the lexicons in ``data/`` (:mod:`._cues`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate, compress, islice
from operator import attrgetter

from geobrief._model import (
    AnonymousSource,
    Article,
    ArticleSource,
    Claim,
    ClaimSource,
    Hedge,
    Modality,
    Span,
    _trusted_actor_source,
    _trusted_article,
    _trusted_claim,
)
from geobrief.claims._clauses import clause_spans
from geobrief.claims._cues import (
    find_hedges,
    find_negation,
    hedges_of,
    scanned_negation,
)
from geobrief.claims._lexicon import match_hedge
from geobrief.claims._sources import statement_source
from geobrief.statements._context import ArticleContext
from geobrief.statements._reported import reported_frames
from geobrief.statements._resolve import ids_inside

__all__ = ["extract_claims", "find_hedges", "find_negation"]


def _modality(source: ClaimSource, hedges: tuple[Hedge, ...]) -> Modality:
    if hedges:
        return Modality.HEDGED
    if isinstance(source, ArticleSource):
        return Modality.ASSERTED
    return Modality.REPORTED


def _cue_hedge(text: str, cue: str | None, cue_span: Span | None) -> tuple[Hedge, ...]:
    """An attribution cue that is itself a hedge (``suggest``)."""
    if cue is None or cue_span is None:
        return ()
    lemma = _hedge_lemma(text[cue_span.start : cue_span.end])
    return (Hedge(cue=lemma, span=cue_span),) if lemma is not None else ()


@lru_cache(maxsize=512)
def _hedge_lemma(cue_text: str) -> str | None:
    """The hedge a cue's words start with, if any (decided once per cue form: an
    article's cues are few forms of the cue lexicon's verbs, said again and again)."""
    words = cue_text.lower().split()
    match = match_hedge(words, 0) if words else None
    return match[0] if match is not None else None


def _hedges(
    ctx: ArticleContext,
    span: Span,
    cue: str | None = None,
    cue_span: Span | None = None,
    sentence_start: int | None = None,
) -> tuple[Hedge, ...]:
    text = ctx.text
    hits = ctx.lexicon.hedges_in(span.start, span.end)
    found = () if hits == [] else hedges_of(text, hits, span, sentence_start)
    if cue is None:
        return found
    extra = _cue_hedge(text, cue, cue_span)
    if not extra:
        return found
    return tuple(sorted((*extra, *found), key=lambda h: (h.span.start, h.span.end)))


def _claim(
    ctx: ArticleContext,
    span: Span,
    source: ClaimSource,
    *,
    cue: str | None = None,
    cue_span: Span | None = None,
    statement: int | None = None,
    hedges: tuple[Hedge, ...] | None = None,
    about: tuple[str, ...] | None = None,
) -> Claim:
    lexicon = ctx.lexicon
    if hedges is None:
        hedges = _hedges(ctx, span, cue, cue_span)
    negation = (
        None
        if lexicon.first_negation(span.start, span.end) is None  # (the common case, at once)
        else scanned_negation(ctx.text, lexicon, span)
    )
    if negation is None and cue == "deny" and cue_span is not None:
        negation = cue_span
    return _trusted_claim(
        span=span,
        source=source,
        modality=_modality(source, hedges),
        cue=cue,
        cue_span=cue_span,
        hedges=hedges,
        negated=negation is not None,
        negation_span=negation,
        about=ctx.mentions.ids_inside(span) if about is None else about,
        statement=statement,
    )


class _Covered:
    """Spans already claimed; tells in logarithmic time whether a span overlaps one."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in ordered]
        self.reach = [-1, *accumulate((s.end for s in ordered), max)]
        """``reach[i]``: the furthest end of the first ``i`` spans (-1, before every
        offset, for none)."""

    def overlaps(self, span: Span) -> bool:
        """Whether a covered span shares a character with ``span`` (as :meth:`Span.overlaps`)."""
        return self.reach[bisect_left(self.starts, span.end)] > span.start


def _voice_spans(article: Article, ctx: ArticleContext) -> tuple[list[Span], list[bool]]:
    """Sentences in the article's own voice, in order, and for each whether it must be kept
    (key points, summary, FAQ answers) or only when it names an actor or hedges."""
    always: dict[tuple[int, int], Span] = {}
    for key_point in article.key_points:
        for span in key_point.sentences or (key_point.span,):
            always[span.start, span.end] = span
    for paragraph in article.summary:
        for span in paragraph.sentences or (paragraph.span,):
            always[span.start, span.end] = span
    for item in article.faq:
        for paragraph in item.answer:
            for span in paragraph.sentences or (paragraph.span,):
                always[span.start, span.end] = span
    sentences = [s.span for s in ctx.sentences]
    starts = ctx.sentence_starts
    if all(map(int.__lt__, starts, islice(starts, 1, None))):  # in order and distinct
        kept = [False] * len(sentences)
        for start, end in always:
            i = bisect_left(starts, start)
            if i == len(starts) or starts[i] != start or sentences[i].end != end:
                break  # (not one of the sentences: merged below)
            kept[i] = True
        else:
            return sentences, kept
    keys = [(s.start, s.end) for s in sentences]
    if all(map(tuple.__lt__, keys, islice(keys, 1, None))) and always.keys() <= set(keys):
        return sentences, [key in always for key in keys]  # in order, distinct, complete
    spans = dict(zip(keys, sentences, strict=True))
    spans.update(always)
    ordered = sorted(spans)
    return [spans[key] for key in ordered], [key in always for key in ordered]


def _worth_a_look(
    voice: list[Span],
    always_kept: list[bool],
    mention_starts: list[int],
    hedge_starts: list[int],
    hedge_ends: list[int],
) -> Iterable[int]:
    """Indexes of the voice sentences that may give a claim, in order: every one that
    is always kept, holds a mention's start or overlaps a hedge (a sentence with none of
    these gives none). When mentions and hedges are few next to the sentences, found
    from them (one search per mention or hedge) instead of looking at every sentence;
    otherwise every index (the claims loop's own checks decide)."""
    count = len(voice)
    if 2 * (len(mention_starts) + len(hedge_starts)) >= count:
        return range(count)
    starts = [s.start for s in voice]
    ends = [s.end for s in voice]
    if not all(map(int.__le__, ends, islice(starts, 1, None))):
        return range(count)  # (overlapping sentences: a start may lie in several)
    chosen = set(compress(range(count), always_kept))
    for position in mention_starts:
        i = bisect_right(starts, position) - 1  # the only sentence that can hold it
        if i >= 0 and position < ends[i]:
            chosen.add(i)
    for hedge_start, hedge_end in zip(hedge_starts, hedge_ends, strict=True):
        # The sentences that overlap the hedge: each ends after its start and starts
        # before its end (ends rise with starts, as no two sentences overlap).
        chosen.update(range(bisect_right(ends, hedge_start), bisect_left(starts, hedge_end)))
    return sorted(chosen)


def extract_claims(article: Article) -> Article:
    """Fill ``claims`` from statements, other attributions and the article's own voice."""
    ctx = ArticleContext.of(article)
    text = ctx.text
    claims: list[Claim] = []
    covered: list[Span] = []
    for index, statement in enumerate(article.statements):
        claims.append(
            _claim(
                ctx,
                statement.content_span,
                statement_source(article, statement, ctx.mentions.ids_inside),
                cue=statement.cue,
                cue_span=statement.cue_span,
                statement=index,
            )
        )
        covered.append(statement.content_span)
    statement_contents = {(s.content_span.start, s.content_span.end) for s in article.statements}
    for reported in reported_frames(ctx):
        if (reported.content.start, reported.content.end) in statement_contents:
            continue
        frame = reported.frame
        source: ClaimSource
        if reported.source in ("document", "person") and frame.speaker is not None:
            source = AnonymousSource(span=frame.speaker)
        elif reported.speaker is not None or frame.speaker_is_pronoun:
            # (a resolved speaker is the id of one of the article's mentions: validated)
            source = _trusted_actor_source(reported.speaker, frame.speaker)
        else:
            continue  # "This phrase indicates ...": the article's own voice
        claims.append(
            _claim(ctx, reported.content, source, cue=frame.cue.lemma, cue_span=frame.cue_span)
        )
        covered.append(reported.content)
    already = _Covered(covered)
    covered_starts, covered_reach = already.starts, already.reach
    article_voice = ArticleSource()  # immutable: one value serves every claim
    mentions, lexicon = ctx.mentions, ctx.lexicon
    mention_starts, mention_ends, mention_ids = mentions.starts, mentions.ends, mentions.ids
    hedges_in, first_negation = lexicon.hedges_in, lexicon.first_negation
    hedge_starts = [hit[0] for hit in lexicon.hedges]
    hedge_ends = [hit[1] for hit in lexicon.hedges]  # in order too: hedges do not overlap
    negation_starts = [hit[0] for hit in lexicon.negations]  # in order
    voice, always_kept = _voice_spans(article, ctx)
    for i in _worth_a_look(voice, always_kept, mention_starts, hedge_starts, hedge_ends):
        sentence, always = voice[i], always_kept[i]
        start, end = sentence.start, sentence.end
        if covered_reach[bisect_left(covered_starts, end)] > start:
            continue  # claimed already (as _Covered.overlaps)
        # The mentions that start inside the sentence (those of its clauses among them).
        lo = bisect_left(mention_starts, start)
        hi = bisect_left(mention_starts, end, lo)
        h = bisect_left(hedge_starts, end) - 1
        hedged = h >= 0 and hedge_ends[h] > start  # (as LexiconScan.hedge_overlaps)
        if not (always or hedged or (lo < hi and min(mention_ends[lo:hi]) <= end)):
            continue  # none of its clauses can name an actor or hedge
        g = bisect_left(negation_starts, start)
        # Whether a negation starts in the sentence: if none does, none starts in a clause
        # of it, and first_negation would answer None for each.
        negatable = g < len(negation_starts) and negation_starts[g] < end
        for span in clause_spans(text, sentence):
            about = (
                ids_inside(mention_starts, mention_ends, mention_ids, span, lo, hi)
                if lo < hi
                else ()  # no mention starts in the sentence (as ids_inside answers)
            )
            if hedged:
                hits = hedges_in(span.start, span.end)
                hedges = () if hits == [] else hedges_of(text, hits, span, start)
            else:
                hedges = ()  # no hedge overlaps the sentence, so none lies in a clause
            if always or about or hedges:
                negation = (
                    None
                    if not negatable or first_negation(span.start, span.end) is None
                    else scanned_negation(text, lexicon, span)
                )
                claims.append(
                    _trusted_claim(
                        span=span,
                        source=article_voice,
                        modality=Modality.HEDGED if hedges else Modality.ASSERTED,
                        cue=None,
                        cue_span=None,
                        hedges=hedges,
                        negated=negation is not None,
                        negation_span=negation,
                        about=about,
                        statement=None,
                    )
                )
    claims.sort(key=attrgetter("span.start", "span.end"))
    # Valid by construction (spans of the text's statements, frames, sentences and
    # lexicon hits; ids of its actors; indexes of its statements): the model's unchecked
    # evolve (see ``_trusted_article``).
    return _trusted_article(article, claims=tuple(claims))
