"""Ask questions of one article or a corpus: who said what, claims about whom, who
appears with whom.

Queries are plain functions over an :class:`~geobrief.Article` or any iterable
of articles (such as a :class:`~geobrief.corpus.Corpus`), taking an optional
*filter*. Filters are small frozen values combined with ``&``, ``|`` and ``~``:

>>> import geobrief
>>> from geobrief import query as q
>>> corpus = geobrief.Corpus.from_paths("examples")        # files, folders, globs, JSONL
>>> article = next(iter(corpus))
>>> len(list(q.statements(article, q.speaker("Lavrov"))))  # by id, name or alias
4
>>> len(list(q.statements(corpus, q.addressed_to("United States") | q.about("USA"))))
3
>>> len(list(q.claims(corpus, q.about("state:PRK") & q.hedged())))  # hedged, about PRK
8
>>> len(list(q.claims(corpus, q.source_kind("anonymous") & ~q.negated())))
2
>>> counts = q.actor_counts(corpus, q.actor_kind("state"))  # merged by id
>>> tuple((c.actor.id, c.mentions) for c in counts)[:2]
(('state:PRK', 30), ('state:RUS', 25))
>>> next(iter(q.co_mentions(corpus)))                      # pairs in the same sentence
CoMention(first='state:PRK', second='state:RUS', sentences=18, articles=1)
>>> people = q.in_section("Significance") & q.actor_kind("person")
>>> tuple(h.text for h in q.mentions(article, people))
('Lavrov', 'Lavrov', 'Lavrov')

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
