"""Ask questions of one article or a corpus: who said what, claims about whom, who
appears with whom.

Queries are plain functions over an :class:`~geobrief.Article` or any iterable
of articles (such as a :class:`~geobrief.corpus.Corpus`), taking an optional
*filter*. Filters are small frozen values combined with ``&``, ``|`` and ``~``::

    from geobrief import query as q

    q.statements(article, q.speaker("Lavrov"))               # by id, name or alias
    q.statements(corpus, q.addressed_to("United States") | q.about("USA"))
    q.claims(corpus, q.about("state:PRK") & q.hedged())     # hedged claims about PRK
    q.claims(corpus, q.source_kind("anonymous") & ~q.negated())
    q.actor_counts(corpus, q.actor_kind("state"))            # merged by id, with counts
    q.co_mentions(corpus)                                    # pairs in the same sentence
    q.mentions(article, q.in_section("Significance") & q.actor_kind("person"))

Results are immutable and typed: :class:`Hit` carries the article id, the
item's index in its layer, the item, its text and its :class:`Location`.
"""

from geobrief.query._filters import (
    AllOf,
    AnyOf,
    Filter,
    Not,
    about,
    actor_kind,
    addressed_to,
    contains,
    hedged,
    in_part,
    in_section,
    involves,
    is_actor,
    mentioning,
    modality,
    negated,
    source_kind,
    speaker,
    statement_kind,
    where,
)
from geobrief.query._index import ArticleIndex, actor_matches
from geobrief.query._results import ActorCount, CoMention, Hit, Location, PartName
from geobrief.query._run import (
    Source,
    actor_counts,
    actors,
    claims,
    co_mentions,
    location_of,
    mentions,
    merge_actors,
    section_of,
    statements,
)

__all__ = [
    "ActorCount",
    "AllOf",
    "AnyOf",
    "ArticleIndex",
    "CoMention",
    "Filter",
    "Hit",
    "Location",
    "Not",
    "PartName",
    "Source",
    "about",
    "actor_counts",
    "actor_kind",
    "actor_matches",
    "actors",
    "addressed_to",
    "claims",
    "co_mentions",
    "contains",
    "hedged",
    "in_part",
    "in_section",
    "involves",
    "is_actor",
    "location_of",
    "mentioning",
    "mentions",
    "merge_actors",
    "modality",
    "negated",
    "section_of",
    "source_kind",
    "speaker",
    "statement_kind",
    "statements",
    "where",
]
