"""Hand-built articles for the query, corpus, records, CLI and render tests.

The extractors are developed separately, so these tests build their articles
by hand from the model classes: every span is found in the text by searching
for its exact substring, so ``text[span.start:span.end]`` is right by
construction (and checked below).
"""

from __future__ import annotations

import re

from geobrief import (
    Actor,
    ActorKind,
    ActorSource,
    AnonymousSource,
    Article,
    ArticleSource,
    Claim,
    Hedge,
    Layout,
    Mention,
    Metadata,
    Modality,
    OutlineEntry,
    Paragraph,
    Section,
    Span,
    Statement,
    StatementKind,
    article_id,
)

BRIEF = "\n".join(
    [
        "Lavrov warns Washington over Korean alliances",
        "In a visit to Wonsan, Russian Foreign Minister Sergey Lavrov met North Korean leader"
        " Kim Jong Un. Lavrov warned the United States against forming alliances.",
        "Article Subheadings |",
        "---|",
        "1) The Meeting |",
        "2) Military Developments |",
        "The Meeting",
        "Lavrov said: “We warn against exploiting these ties.” The Kremlin welcomed the talks.",
        "Military Developments",
        "Intelligence reports suggest that North Korea may deploy more troops."
        " Japan and the United States held drills with South Korea.",
        "Summary",
        "Russia and North Korea are growing closer.",
        "",
    ]
)


def find(text: str, sub: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``sub`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Span(start=start, end=start + len(sub))


def paragraph(text: str, sub: str) -> Paragraph:
    """A paragraph for the line ``sub``, with sentences split after . ! ? or ”."""
    span = find(text, sub)
    sentences = []
    pos = span.start
    for m in re.finditer(r"[.!?]”?(?=\s|$)", sub):
        end = span.start + m.end()
        sentences.append(Span(start=pos, end=end))
        pos = end + 1
    return Paragraph(span=span, sentences=tuple(sentences))


def _mentions(text: str, table: list[tuple[str, str, int]]) -> tuple[Mention, ...]:
    found = [Mention(actor_id=actor, span=find(text, sub, nth)) for sub, actor, nth in table]
    return tuple(sorted(found, key=lambda m: m.span.start))


def brief(text: str = BRIEF, *, source: str | None = "brief.txt") -> Article:
    """The hand-annotated brief above (``text`` may prefix it, e.g. to vary its id)."""
    body = text
    lead_start = body.index("In a visit to Wonsan,")
    lead = paragraph(body, body[lead_start : body.index("\n", lead_start)])
    meeting_p = paragraph(
        body,
        "Lavrov said: “We warn against exploiting these ties.” The Kremlin welcomed the talks.",
    )
    military_p = paragraph(
        body,
        "Intelligence reports suggest that North Korea may deploy more troops. "
        "Japan and the United States held drills with South Korea.",
    )
    summary_p = paragraph(body, "Russia and North Korea are growing closer.")
    meeting_h = find(body, "The Meeting", 1)
    military_h = find(body, "Military Developments", 1)
    sections = (
        Section(
            span=Span(start=meeting_h.start, end=meeting_p.span.end),
            heading=meeting_h,
            paragraphs=(meeting_p,),
        ),
        Section(
            span=Span(start=military_h.start, end=military_p.span.end),
            heading=military_h,
            paragraphs=(military_p,),
        ),
    )
    actors = (
        Actor(id="loc:wonsan", kind=ActorKind.LOCATION, name="Wonsan"),
        Actor(
            id="org:kremlin", kind=ActorKind.ORGANIZATION, name="Kremlin", affiliation="state:RUS"
        ),
        Actor(
            id="person:kim-jong-un",
            kind=ActorKind.PERSON,
            name="Kim Jong Un",
            titles=("leader",),
            affiliation="state:PRK",
        ),
        Actor(
            id="person:sergey-lavrov",
            kind=ActorKind.PERSON,
            name="Sergey Lavrov",
            titles=("Foreign Minister",),
            affiliation="state:RUS",
        ),
        Actor(id="state:JPN", kind=ActorKind.STATE, name="Japan", iso3="JPN"),
        Actor(id="state:KOR", kind=ActorKind.STATE, name="South Korea", iso3="KOR"),
        Actor(
            id="state:PRK",
            kind=ActorKind.STATE,
            name="North Korea",
            aliases=("DPRK",),
            iso3="PRK",
            wikidata="Q423",
        ),
        Actor(id="state:RUS", kind=ActorKind.STATE, name="Russia", iso3="RUS"),
        Actor(
            id="state:USA",
            kind=ActorKind.STATE,
            name="United States",
            aliases=("Washington",),
            iso3="USA",
        ),
    )
    mentions = _mentions(
        body,
        [
            ("Washington", "state:USA", 0),
            ("Wonsan", "loc:wonsan", 0),
            ("Russian", "state:RUS", 0),
            ("Sergey Lavrov", "person:sergey-lavrov", 0),
            ("North Korean", "state:PRK", 0),
            ("Kim Jong Un", "person:kim-jong-un", 0),
            ("Lavrov", "person:sergey-lavrov", 2),
            ("United States", "state:USA", 0),
            ("Lavrov", "person:sergey-lavrov", 3),
            ("Kremlin", "org:kremlin", 0),
            ("North Korea", "state:PRK", 1),
            ("Japan", "state:JPN", 0),
            ("United States", "state:USA", 1),
            ("South Korea", "state:KOR", 0),
            ("Russia", "state:RUS", 1),
            ("North Korea", "state:PRK", 2),
        ],
    )
    statements = (
        Statement(
            kind=StatementKind.REPORTED,
            content_span=find(body, "against forming alliances"),
            speaker="person:sergey-lavrov",
            speaker_span=find(body, "Lavrov", 2),
            cue="warn",
            cue_span=find(body, "warned"),
            addressees=("state:USA",),
        ),
        Statement(
            kind=StatementKind.DIRECT,
            content_span=find(body, "We warn against exploiting these ties."),
            speaker="person:sergey-lavrov",
            speaker_span=find(body, "Lavrov", 3),
            cue="say",
            cue_span=find(body, "said"),
        ),
        Statement(
            kind=StatementKind.REPORTED,
            content_span=find(body, "the talks"),
            speaker="org:kremlin",
            speaker_span=find(body, "Kremlin"),
            cue="welcome",
            cue_span=find(body, "welcomed"),
        ),
    )
    claims = (
        Claim(
            span=find(body, "We warn against exploiting these ties."),
            source=ActorSource(actor_id="person:sergey-lavrov", span=find(body, "Lavrov", 3)),
            modality=Modality.REPORTED,
            cue="say",
            cue_span=find(body, "said"),
            statement=1,
        ),
        Claim(
            span=find(body, "North Korea may deploy more troops"),
            source=AnonymousSource(span=find(body, "Intelligence reports")),
            modality=Modality.HEDGED,
            cue="suggest",
            cue_span=find(body, "suggest"),
            hedges=(Hedge(cue="may", span=find(body, "may")),),
            about=("state:PRK",),
        ),
        Claim(
            span=find(body, "Russia and North Korea are growing closer"),
            source=ArticleSource(),
            modality=Modality.ASSERTED,
            about=("state:RUS", "state:PRK"),
        ),
    )
    return Article(
        id=article_id(body),
        text=body,
        layout=Layout.BRIEF,
        title=find(body, "Lavrov warns Washington over Korean alliances"),
        lead=lead,
        outline=(
            OutlineEntry(span=find(body, "The Meeting"), number=1, section=0),
            OutlineEntry(span=find(body, "Military Developments"), number=2, section=1),
        ),
        sections=sections,
        summary=(summary_p,),
        actors=actors,
        mentions=mentions,
        statements=statements,
        claims=claims,
        metadata=Metadata(source=source),
    )


def test_hand_built_brief_spans_are_exact() -> None:
    """Every span of the hand-built brief lies inside the text; the key ones read right."""
    article = brief()
    assert all(span.end <= len(article.text) for _, span in article.iter_spans())
    assert "Sergey Lavrov" == article.text_of(article.mentions[3])
    assert [
        "In a visit to Wonsan, Russian Foreign Minister Sergey Lavrov met North Korean leader"
        " Kim Jong Un.",
        "Lavrov warned the United States against forming alliances.",
    ] == [
        article.text_of(s)
        for s in article.lead.sentences  # type: ignore[union-attr]
    ]
