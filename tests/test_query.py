"""Tests for geobrief.query: filters, hits, actor counts, co-mentions, locations."""

from __future__ import annotations

import pickle

import attrs
import pytest

from geobrief import Actor, ActorKind, Claim, Statement
from geobrief import query as q
from test_query_support import BRIEF, brief


def _texts(hits: object) -> list[str]:
    return [h.text for h in hits]  # type: ignore[attr-defined]


def test_speaker_by_surname_finds_full_name() -> None:
    """``speaker("Lavrov")`` finds statements spoken by person:sergey-lavrov."""
    hits = list(q.statements(brief(), q.speaker("Lavrov")))
    expected = ["against forming alliances", "We warn against exploiting these ties."]
    assert expected == _texts(hits)
    assert {"person:sergey-lavrov"} == {h.item.speaker for h in hits}


@pytest.mark.parametrize(
    "ref", ["person:sergey-lavrov", "Sergey Lavrov", "sergey lavrov", "LAVROV", "Sergey"]
)
def test_speaker_by_id_name_or_words(ref: str) -> None:
    """An id, the full name in any case, or any whole word of it names the speaker."""
    assert 2 == len(list(q.statements(brief(), q.speaker(ref))))


def test_speaker_partial_word_does_not_match() -> None:
    """A fragment of a word is not a name: ``Lav`` finds nothing."""
    assert [] == list(q.statements(brief(), q.speaker("Lav")))


def test_alias_and_iso_code_name_an_actor() -> None:
    """An alias (``Washington``) and an ISO code (``USA``) both name the United States."""
    by_alias = _texts(q.statements(brief(), q.addressed_to("Washington")))
    by_iso = _texts(q.statements(brief(), q.addressed_to("USA")))
    assert ["against forming alliances"] == by_alias == by_iso


def test_dotted_abbreviation_matches() -> None:
    """``U.S.`` is read as ``US``, so it matches an alias written ``US``."""
    actor = Actor(id="state:USA", kind=ActorKind.STATE, name="United States", aliases=("US",))
    assert q.actor_matches(actor, "U.S.")
    assert not q.actor_matches(actor, "state:US")


def test_hedged_claims_about_prk() -> None:
    """Every hedged claim about state:PRK, by id or by name."""
    by_id = list(q.claims(brief(), q.about("state:PRK") & q.hedged()))
    by_name = list(q.claims(brief(), q.about("North Korea") & q.modality("hedged")))
    assert ["North Korea may deploy more troops"] == _texts(by_id) == _texts(by_name)
    assert ["may"] == [h.cue for h in by_id[0].item.hedges]


def test_claims_by_source_kind() -> None:
    """Claims can be selected by the kind of their source."""
    article = brief()
    anonymous = _texts(q.claims(article, q.source_kind("anonymous")))
    own_voice = _texts(q.claims(article, q.source_kind("article")))
    assert ["North Korea may deploy more troops"] == anonymous
    assert ["Russia and North Korea are growing closer"] == own_voice


def test_source_kind_rejects_unknown() -> None:
    """An unknown source kind is an error that lists the allowed ones."""
    with pytest.raises(ValueError, match="anonymous"):
        q.source_kind("rumour")


def test_speaker_on_claims_uses_the_source_actor() -> None:
    """On claims, ``speaker`` tests the claim's source actor."""
    assert ["We warn against exploiting these ties."] == _texts(
        q.claims(brief(), q.speaker("Lavrov"))
    )


def test_or_and_not_compose() -> None:
    """``|`` widens, ``~`` negates, ``&`` narrows."""
    article = brief()
    either = q.speaker("Kremlin") | q.addressed_to("USA")
    assert ["against forming alliances", "the talks"] == _texts(q.statements(article, either))
    not_direct = q.speaker("Lavrov") & ~q.statement_kind("direct")
    assert ["against forming alliances"] == _texts(q.statements(article, not_direct))
    assert q.speaker("x") == ~~q.speaker("x")


def test_filters_are_values() -> None:
    """Filters compare equal by value, flatten when chained, and pickle."""
    f = q.speaker("Lavrov") & q.about("PRK") & q.hedged()
    assert 3 == len(f.filters)  # type: ignore[attr-defined]
    assert f == pickle.loads(pickle.dumps(f))
    assert q.hedged() == q.modality("hedged")


def test_involves_is_addressed_or_about() -> None:
    """``involves`` finds statements addressed to or about an actor."""
    assert ["against forming alliances"] == _texts(q.statements(brief(), q.involves("USA")))


def test_mentioning_looks_inside_the_span() -> None:
    """``mentioning`` finds items whose text contains a mention of the actor."""
    hits = q.claims(brief(), q.mentioning("Russia"))
    assert ["Russia and North Korea are growing closer"] == _texts(hits)


def test_contains_and_where() -> None:
    """Text search and the ``where`` escape hatch work like any other filter."""
    article = brief()
    assert ["the talks"] == _texts(q.statements(article, q.contains("TALKS")))
    assert ["the talks"] == _texts(q.statements(article, q.contains(r"^the\b", regex=True)))
    short = q.where(lambda art, st: len(art.text_of(st)) < 10)
    assert ["the talks"] == _texts(q.statements(article, short))


def test_hits_carry_article_id_index_and_location() -> None:
    """A hit names its article, its index in the layer and its section."""
    article = brief()
    hit = next(q.claims(article, q.hedged()))
    assert article.id == hit.article_id
    assert 1 == hit.index
    assert article.claims[1] == hit.item
    assert q.Location(part="section", section=1, heading="Military Developments") == hit.location
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        hit.text = "x"  # type: ignore[misc]


def test_location_of_each_part() -> None:
    """Items in the title, lead, a section and the summary are placed correctly."""
    article = brief()
    parts = [q.location_of(article, m).part for m in article.mentions]
    assert "title" == parts[0]
    assert "lead" == parts[1]
    assert "summary" == parts[-1]
    assert "other" == q.location_of(article, object()).part


def test_section_of_and_in_section() -> None:
    """``section_of`` returns the Section; ``in_section`` filters by heading or index."""
    article = brief()
    statement = article.statements[2]
    assert article.sections[0] == q.section_of(article, statement)
    assert q.section_of(article, article.statements[0]) is None  # in the lead
    assert ["the talks"] == _texts(
        q.statements(article, q.in_section("meeting") & q.speaker("Kremlin"))
    )
    assert 2 == len(list(q.statements(article, q.in_section(0))))
    assert 2 == len(list(q.statements(article, q.in_part("section"))))


def test_actor_counts_by_kind() -> None:
    """Actors of a kind, with their mention counts, most mentioned first."""
    counts = q.actor_counts(brief(), q.actor_kind("state"))
    expected = [
        ("state:PRK", 3),
        ("state:USA", 3),
        ("state:RUS", 2),
        ("state:JPN", 1),
        ("state:KOR", 1),
    ]
    assert expected == [(c.actor.id, c.mentions) for c in counts]


def test_actor_counts_merge_across_articles() -> None:
    """The same actor in two articles is one entry, with aliases united and counts summed."""
    first = brief()
    renamed = attrs.evolve(first.actors[8], aliases=("Washington", "U.S."), titles=("superpower",))
    second = attrs.evolve(
        brief("Prefix.\n" + BRIEF),
        id="other",
    )
    second = attrs.evolve(second, actors=(*second.actors[:8], renamed))
    counts = {c.actor.id: c for c in q.actor_counts([first, second])}
    usa = counts["state:USA"]
    assert (6, 2) == (usa.mentions, usa.articles)
    assert ("Washington", "U.S.") == usa.actor.aliases
    assert ("superpower",) == usa.actor.titles


def test_merge_actors_rejects_different_ids() -> None:
    """Merging two different actors is an error."""
    a = Actor(id="state:RUS", kind=ActorKind.STATE, name="Russia")
    b = Actor(id="state:PRK", kind=ActorKind.STATE, name="North Korea")
    with pytest.raises(ValueError, match="different ids"):
        q.merge_actors(a, b)


def test_co_mentions_in_sentences() -> None:
    """Actors named in the same sentence are counted as pairs."""
    pairs = {(c.first, c.second): c.sentences for c in q.co_mentions(brief())}
    assert 2 == pairs[("state:PRK", "state:RUS")]  # lead sentence and summary
    assert 1 == pairs[("state:JPN", "state:USA")]
    assert ("person:sergey-lavrov", "state:USA") in pairs
    # the quote and "The Kremlin welcomed the talks." are two sentences of one paragraph
    assert ("org:kremlin", "person:sergey-lavrov") not in pairs
    states = {(c.first, c.second) for c in q.co_mentions(brief(), q.actor_kind("state"))}
    assert all(a.startswith("state:") and b.startswith("state:") for a, b in states)


def test_actor_hits_and_mention_hits() -> None:
    """Per-article actor hits and mention hits respect their filters."""
    article = brief()
    people = [h.item.id for h in q.actors(article, q.actor_kind(ActorKind.PERSON))]
    assert ["person:kim-jong-un", "person:sergey-lavrov"] == people
    lavrov = _texts(q.mentions(article, q.is_actor("Lavrov") & q.in_part("section")))
    assert ["Lavrov"] == lavrov


def test_queries_stream_over_iterables() -> None:
    """A query over a generator consumes it lazily, one article at a time."""
    seen: list[int] = []

    def gen():  # type: ignore[no-untyped-def]
        for i in range(3):
            seen.append(i)
            yield brief(f"{i}\n" + BRIEF)

    hits = q.statements(gen(), q.speaker("Kremlin"))
    assert [] == seen
    next(hits)
    assert [0] == seen
    assert 2 == len(list(hits))


def test_typed_results() -> None:
    """Statement hits hold statements and claim hits hold claims."""
    article = brief()
    assert all(isinstance(h.item, Statement) for h in q.statements(article))
    assert all(isinstance(h.item, Claim) for h in q.claims(article))
