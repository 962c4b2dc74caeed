"""Claims: attributed, from statements, and in the article's own voice."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from geobrief import ActorSource, AnonymousSource, Article, ArticleSource, Claim, Modality
from geobrief.statements._frames import opens_participle, participle_after_comma
from geobrief.statements._text import lowercase, tokenize
from test_statements_support import check_spans, parse_with


def claim_with(article: Article, text: str) -> Claim:
    found = [c for c in article.claims if article.text_of(c.span) == text]
    assert 1 == len(found), [article.text_of(c.span) for c in article.claims]
    return found[0]


def test_anonymous_document_source() -> None:
    """`Leaked documents show that ...` is a claim with an anonymous source and no statement."""
    article = parse_with("Leaked documents show that France sold the jets to Brazil.", claims=True)
    claim = claim_with(article, "France sold the jets to Brazil")
    assert isinstance(claim.source, AnonymousSource)
    assert ("Leaked documents", "show", Modality.REPORTED, ("state:FRA", "state:BRA"), ()) == (
        article.text_of(claim.source.span),
        claim.cue,
        claim.modality,
        claim.about,
        article.statements,
    )


def test_anonymous_official() -> None:
    """An official who spoke on condition of anonymity is an anonymous source."""
    text = (
        "A senior official, who spoke on condition of anonymity, said that "
        "the United States would send more aid."
    )
    article = parse_with(text, claims=True)
    claim = claim_with(article, "the United States would send more aid")
    assert isinstance(claim.source, AnonymousSource)
    assert ("A senior official, who spoke on condition of anonymity", 0) == (
        article.text_of(claim.source.span),
        claim.statement,
    )


def test_according_to_sources() -> None:
    """`according to sources` gives an anonymous source."""
    article = parse_with("The ceasefire collapsed overnight, according to sources.", claims=True)
    claim = claim_with(article, "The ceasefire collapsed overnight")
    assert (AnonymousSource, "according to") == (type(claim.source), claim.cue)


def test_hedged_attributed_claim() -> None:
    """A hedge inside the content makes an attributed claim hedged, with the hedge spans."""
    article = parse_with("Analysts suggest that Brazil might cut rates.", claims=True)
    claim = claim_with(article, "Brazil might cut rates")
    assert (Modality.HEDGED, ["suggest", "might"]) == (
        claim.modality,
        [article.text_of(h.span) for h in claim.hedges],
    )


def test_statement_claim_is_reported_and_linked() -> None:
    """A statement's content is its speaker's claim, reported, pointing to the statement."""
    article = parse_with("Smith said that France will sign the treaty.", claims=True)
    claim = claim_with(article, "France will sign the treaty")
    assert (
        ActorSource(actor_id="person:john-smith", span=article.statements[0].speaker_span),
        Modality.REPORTED,
        0,
    ) == (
        claim.source,
        claim.modality,
        claim.statement,
    )


def test_negated_statement_claim() -> None:
    """`denied that ...` and `will not` make a negated claim."""
    article = parse_with("Costa denied that Brazil had paid anything.", claims=True)
    claim = claim_with(article, "Brazil had paid anything")
    assert (True, "denied") == (
        claim.negated,
        article.text_of(claim.negation_span) if claim.negation_span else None,
    )


def test_article_voice_mentions_actor() -> None:
    """Body sentences that name an actor are asserted claims of the article."""
    text = "France closed its embassy in Brazil on Monday. The weather was mild."
    article = parse_with(text, claims=True)
    check_spans(article)
    assert [
        ("France closed its embassy in Brazil on Monday", ArticleSource(), Modality.ASSERTED)
    ] == [(article.text_of(c.span), c.source, c.modality) for c in article.claims]


def test_article_voice_hedged_without_actor() -> None:
    """A hedged body sentence is a claim even without an actor in it."""
    article = parse_with("The storm could destroy the harbour.", claims=True)
    assert [("The storm could destroy the harbour", Modality.HEDGED)] == [
        (article.text_of(c.span), c.modality) for c in article.claims
    ]


def test_participle_clause_is_a_separate_claim() -> None:
    """`X did Y, indicating Z`: main clause and participle clause are two claims."""
    article = parse_with("France recalled its envoy, signalling a possible rupture.", claims=True)
    assert [
        ("France recalled its envoy", Modality.ASSERTED),
        ("signalling a possible rupture", Modality.HEDGED),
    ] == [(article.text_of(c.span), c.modality) for c in article.claims]


def test_claims_in_text_order() -> None:
    """Claims come in text order."""
    text = "Smith said that France will sign. Brazil may object. France is ready."
    article = parse_with(text, claims=True)
    starts = [c.span.start for c in article.claims]
    assert sorted(starts) == starts


_CLAUSE_PIECES = (
    "visited",
    "Kyiv",
    ",",
    ", ",
    "further",
    "also",
    "quickly",
    "highlighting",
    "including",
    "signaling",
    "ring",
    "thing",
    "U.S.",
    "don't",
    "so-called",
    "’",
    ".",
    "\n",
    " ",
    "ending",
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=20))
def test_participle_check_by_offset_equals_token_check(pieces: list[str]) -> None:
    """Reading the two tokens after a comma decides a participle clause exactly as
    the check over the sentence's tokens does."""
    text = "".join(pieces)
    tokens = tokenize(text)
    lowers = lowercase(tokens)
    by_tokens = [
        t.start
        for k, t in enumerate(tokens)
        if participle_after_comma(tokens, lowers, k, len(tokens)) >= 0
    ]
    by_offset = [
        i for i, ch in enumerate(text) if ch == "," and opens_participle(text, i, len(text))
    ]
    assert by_tokens == by_offset
