"""Actor recognition rules, each on varied sentences (not the seed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import geobrief
from geobrief import Actor, ActorKind, Article, Pipeline
from geobrief.actors import Gazetteer, load_actors, make_actor_stage, recognize_actors, slug

ACTORS_ONLY = Pipeline(stages=(("actors", recognize_actors),), strict=True)


def parse(text: str) -> Article:
    return ACTORS_ONLY.parse(text)


def mentions(article: Article) -> list[tuple[str, str]]:
    """(surface, actor id) for every mention, in order."""
    return [(article.text_of(m), m.actor_id) for m in article.mentions]


def actor(article: Article, actor_id: str) -> Actor:
    found = article.actor(actor_id)
    assert found is not None, f"{actor_id} not in {[a.id for a in article.actors]}"
    return found


# --------------------------------------------------------------------------- #
# States
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("Talks with the United States resumed.", "the United States", "state:USA"),
        ("Sanctions by the U.S. were lifted.", "the U.S.", "state:USA"),
        ("US officials declined to comment.", "US", "state:USA"),
        ("Trade with America grew.", "America", "state:USA"),
        ("The DPRK fired a missile.", "The DPRK", "state:PRK"),
        ("The Republic of Korea protested.", "The Republic of Korea", "state:KOR"),
        ("Exports to the UK fell.", "the UK", "state:GBR"),
        ("Britain and France agreed.", "Britain", "state:GBR"),
        ("The Russian Federation vetoed it.", "The Russian Federation", "state:RUS"),
        ("Ties with Viet Nam improved.", "Viet Nam", "state:VNM"),
        ("Officials in Côte d'Ivoire voted.", "Côte d'Ivoire", "state:CIV"),
        (
            "Aid reached the Democratic Republic of the Congo.",
            "the Democratic Republic of the Congo",
            "state:COD",
        ),
    ],
)
def test_state_names(text: str, surface: str, actor_id: str) -> None:
    """Common, official and short names of ISO 3166 countries are mentions of the state."""
    assert (surface, actor_id) in mentions(parse(text))


def test_state_actor_fields() -> None:
    """A state carries its ISO alpha-3 code, canonical name and Wikidata QID."""
    article = parse("Iran and Japan held talks.")
    iran = actor(article, "state:IRN")
    assert ("Iran", ActorKind.STATE, "IRN", "Q794") == (
        iran.name,
        iran.kind,
        iran.iso3,
        iran.wikidata,
    )


def test_demonyms_are_state_mentions() -> None:
    """Demonyms used as adjectives refer to their state."""
    article = parse("Turkish and South Korean diplomats met Ukrainian officials.")
    assert [
        ("Turkish", "state:TUR"),
        ("South Korean", "state:KOR"),
        ("Ukrainian", "state:UKR"),
    ] == mentions(article)


def test_capital_for_government_and_city() -> None:
    """A capital standing for its government is the state; after `in` it is the city."""
    article = parse("Talks in Tehran stalled. Washington and Beijing blamed Tehran.")
    assert [
        ("Tehran", "loc:tehran"),
        ("Washington", "state:USA"),
        ("Beijing", "state:CHN"),
        ("Tehran", "state:IRN"),
    ] == mentions(article)
    assert "state:IRN" == actor(article, "loc:tehran").affiliation


def test_the_north_and_the_south_need_both_koreas() -> None:
    """`the North`/`the South` are the Koreas only in a text about both Koreas."""
    korean = parse("South Korea and North Korea met. The South wants talks; the North refused.")
    assert ("The South", "state:KOR") in mentions(korean)
    assert ("the North", "state:PRK") in mentions(korean)
    other = parse("The North won the game. Fans in the South cheered.")
    assert [] == [m for m in mentions(other) if m[1].startswith("state:")]


def test_possessive_is_left_out_of_the_span() -> None:
    """`North Korea’s` and `Japan's` are mentions without the possessive."""
    article = parse("North Korea’s missiles and Japan's economy.")
    assert ("North Korea", "state:PRK") in mentions(article)
    assert ("Japan", "state:JPN") in mentions(article)
    assert all(not s.endswith(("’s", "'s")) for s, _ in mentions(article))


def test_hyphenated_pair_of_states() -> None:
    """`Russia-North Korea` names two states."""
    article = parse("The Russia-North Korea relationship deepened.")
    assert [("Russia", "state:RUS"), ("North Korea", "state:PRK")] == mentions(article)


# --------------------------------------------------------------------------- #
# Organizations and government bodies
# --------------------------------------------------------------------------- #


def test_acronym_and_full_name_are_one_organization() -> None:
    """NATO and the North Atlantic Treaty Organization share one id."""
    article = parse("The North Atlantic Treaty Organization met. NATO said it would respond.")
    assert {"org:nato"} == {aid for _, aid in mentions(article)}
    assert "Q7184" == actor(article, "org:nato").wikidata


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("The UN Security Council voted on Friday.", "The UN Security Council", "org:unsc"),
        ("He addressed the UN General Assembly.", "the UN General Assembly", "org:unga"),
        ("The IAEA inspectors left.", "The IAEA", "org:iaea"),
        ("Members of the African Union met.", "the African Union", "org:au"),
        ("Leaders of the G20 gathered.", "the G20", "org:g20"),
        ("The Pentagon denied it.", "The Pentagon", "org:usa-pentagon"),
        ("A Kremlin aide said so.", "Kremlin", "org:rus-kremlin"),
        (
            "The State Department issued a warning.",
            "The State Department",
            "org:usa-state-department",
        ),
    ],
)
def test_organizations(text: str, surface: str, actor_id: str) -> None:
    """International organizations and government bodies from the gazetteer."""
    assert (surface, actor_id) in mentions(parse(text))


def test_gazetteer_bodies_are_affiliated_to_their_state() -> None:
    """`the Pentagon` belongs to the United States."""
    article = parse("The Pentagon said the drills would go ahead.")
    assert "state:USA" == actor(article, "org:usa-pentagon").affiliation


@pytest.mark.parametrize(
    ("text", "surface", "actor_id", "name"),
    [
        (
            "The Russian foreign ministry said so.",
            "Russian foreign ministry",
            "org:rus-foreign-ministry",
            "Russian foreign ministry",
        ),
        (
            "The Japanese Defense Ministry said so.",
            "Japanese Defense Ministry",
            "org:jpn-defense-ministry",
            "Japanese defense ministry",
        ),
        (
            "India's foreign ministry said so.",
            "India's foreign ministry",
            "org:ind-foreign-ministry",
            "Indian foreign ministry",
        ),
        (
            "The Ministry of Defence of Ukraine said so.",
            "Ministry of Defence of Ukraine",
            "org:ukr-defense-ministry",
            "Ukrainian defense ministry",
        ),
    ],
)
def test_government_bodies_with_a_state(text: str, surface: str, actor_id: str, name: str) -> None:
    """A body after a demonym or a state's possessive, or before `of <state>`, is an
    organization of that state, with one id for all spellings."""
    article = parse(text)
    assert (surface, actor_id) == mentions(article)[0]
    body = actor(article, actor_id)
    assert (ActorKind.ORGANIZATION, name, "state:" + actor_id[4:7].upper()) == (
        body.kind,
        body.name,
        body.affiliation,
    )


def test_state_named_inside_a_body_is_a_nested_mention() -> None:
    """`India's foreign ministry` mentions the ministry and, nested after it, India."""
    article = parse("India's foreign ministry and the University of Texas said so.")
    assert [
        ("India's foreign ministry", "org:ind-foreign-ministry"),
        ("India", "state:IND"),
        ("University of Texas", "org:university-of-texas"),
        ("Texas", "loc:texas"),
    ] == mentions(article)


def test_body_word_used_as_an_adjective_is_not_a_body() -> None:
    """In `Russian military drills` the state is named, not its military."""
    article = parse("Russian military drills began near the border.")
    assert [("Russian", "state:RUS")] == mentions(article)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("She joined Acme Holdings Inc. last year.", "Acme Holdings Inc."),
        ("He studied at the University of Helsinki.", "University of Helsinki"),
        ("A spokesman for the Green Valley Party declined.", "Green Valley Party"),
        ("The Zorbian Space Agency launched it.", "Zorbian Space Agency"),
    ],
)
def test_organization_suffixes(text: str, surface: str) -> None:
    """Capitalized names ending in an organization word are organizations."""
    article = parse(text)
    found = [(s, actor(article, aid).kind) for s, aid in mentions(article)]
    assert (surface, ActorKind.ORGANIZATION) in found


# --------------------------------------------------------------------------- #
# Persons
# --------------------------------------------------------------------------- #


def test_title_with_demonym() -> None:
    """`Chinese Foreign Minister Wang Yi`: title and affiliation from the phrase."""
    article = parse("Chinese Foreign Minister Wang Yi arrived on Monday.")
    wang = actor(article, "person:wang-yi")
    assert ("Wang Yi", ("Foreign Minister",), "state:CHN") == (
        wang.name,
        wang.titles,
        wang.affiliation,
    )


def test_title_with_state_possessive() -> None:
    """`Germany's Chancellor Olaf Scholz`."""
    article = parse("Germany's Chancellor Olaf Scholz spoke.")
    scholz = actor(article, "person:olaf-scholz")
    assert (("Chancellor",), "state:DEU") == (scholz.titles, scholz.affiliation)


def test_apposition_title_of_state() -> None:
    """`Emmanuel Macron, the President of France` gives title and affiliation."""
    article = parse("Emmanuel Macron, the President of France, visited Algeria.")
    macron = actor(article, "person:emmanuel-macron")
    assert (("President",), "state:FRA") == (macron.titles, macron.affiliation)


def test_title_before_comma_and_name() -> None:
    """`The Japanese Defense Minister, Gen Nakatani, said ...`."""
    article = parse("The Japanese Defense Minister, Gen Nakatani, said the test failed.")
    person = actor(article, "person:gen-nakatani")
    assert (("Defense Minister",), "state:JPN") == (person.titles, person.affiliation)


def test_lowercase_role_before_name() -> None:
    """`Iranian leader Ali Khamenei`, `Apple CEO Tim Cook` (affiliated to the company)."""
    article = parse("Iranian leader Ali Khamenei met Apple CEO Tim Cook.")
    assert (("leader",), "state:IRN") == (
        actor(article, "person:ali-khamenei").titles,
        actor(article, "person:ali-khamenei").affiliation,
    )
    assert (("CEO",), "org:apple") == (
        actor(article, "person:tim-cook").titles,
        actor(article, "person:tim-cook").affiliation,
    )


def test_surname_links_to_full_name() -> None:
    """`Blinken` and `Mr. Blinken` after `Antony Blinken` are the same person."""
    article = parse(
        "U.S. Secretary of State Antony Blinken landed in Seoul. "
        "Blinken said the alliance was strong. Later, Mr. Blinken left."
    )
    persons = [(s, aid) for s, aid in mentions(article) if aid.startswith("person:")]
    assert [
        ("Antony Blinken", "person:antony-blinken"),
        ("Blinken", "person:antony-blinken"),
        ("Blinken", "person:antony-blinken"),
    ] == persons
    assert ("Secretary of State",) == actor(article, "person:antony-blinken").titles


def test_family_name_first_links_to_full_name() -> None:
    """`Xi` after `Xi Jinping`, and `Kim` after `Kim Jong Un`."""
    article = parse("Xi Jinping hosted Kim Jong Un. Xi praised Kim.")
    assert [
        ("Xi Jinping", "person:xi-jinping"),
        ("Kim Jong Un", "person:kim-jong-un"),
        ("Xi", "person:xi-jinping"),
        ("Kim", "person:kim-jong-un"),
    ] == mentions(article)


def test_speech_verb_subject_is_a_person() -> None:
    """A capitalized name before a speech verb is a person even without a title; an
    unknown single word that speaks is taken for an organization (``Zentrix said``)."""
    article = parse(
        "Analysts were divided. Ngozi Okonkwo warned that prices would rise. "
        "Zentrix said it agreed. Okonkwo added that Zentrix was wrong."
    )
    assert [
        ("Ngozi Okonkwo", "person:ngozi-okonkwo"),
        ("Zentrix", "org:zentrix"),
        ("Okonkwo", "person:ngozi-okonkwo"),
        ("Zentrix", "org:zentrix"),
    ] == mentions(article)
    assert ActorKind.ORGANIZATION == actor(article, "org:zentrix").kind


def test_common_surname_that_speaks_is_a_person() -> None:
    """A lone unknown word before a speech verb is a person when it is a common surname
    (census list, ``Henderson said``), and still an organization otherwise."""
    article = parse("Analysts were divided. Henderson said prices would rise. Zentrix said so too.")
    assert [("Henderson", "person:henderson"), ("Zentrix", "org:zentrix")] == mentions(article)
    assert ActorKind.PERSON == actor(article, "person:henderson").kind


def test_apposition_who_and_age() -> None:
    """`Zara Mbeki, who ...` and `Tomas Varga, 52, ...` are persons."""
    article = parse("The prize went to Zara Mbeki, who thanked Tomas Varga, 52, for it.")
    assert {"person:zara-mbeki", "person:tomas-varga"} == {aid for _, aid in mentions(article)}


def test_person_slug_is_ascii() -> None:
    """Person ids are lowercase ASCII slugs of the full name."""
    assert "gerald-darmanin" == slug("Gérald Darmanin")
    article = parse("French minister Gérald Darmanin said it was over.")
    assert ("Gérald Darmanin", "person:gerald-darmanin") in mentions(article)


# --------------------------------------------------------------------------- #
# Never a person
# --------------------------------------------------------------------------- #


def test_headings_and_table_labels_are_not_persons() -> None:
    """Heading lines and table header cells yield no persons, with or without structure."""
    text = (
        "Background Of The Talks\n"
        "Officials met in Geneva.\n"
        "No. | Main Findings |\n"
        "---|---|\n"
        "1 | Talks resumed. |\n"
        "Closing Remarks\n"
        "The talks ended.\n"
    )
    article = parse(text)
    assert [] == [a for a in article.actors if a.kind is ActorKind.PERSON]


def test_sentence_initial_words_are_not_persons() -> None:
    """Capitalized sentence openers are not names."""
    article = parse(
        "Historically, ties were weak. Reports indicate that trade grew. "
        "Additionally, Western sanctions remain. Moreover, reports differ."
    )
    assert [] == [a for a in article.actors if a.kind is ActorKind.PERSON]


# --------------------------------------------------------------------------- #
# Groups and locations
# --------------------------------------------------------------------------- #


def test_groups_and_regions() -> None:
    """`the West`, `the international community`, regions and seas."""
    article = parse(
        "The West and the international community watched the Middle East, "
        "the South China Sea and the Korean Peninsula."
    )
    kinds = {aid: actor(article, aid).kind for _, aid in mentions(article)}
    assert {
        "group:west": ActorKind.GROUP,
        "group:international-community": ActorKind.GROUP,
        "loc:middle-east": ActorKind.LOCATION,
        "loc:south-china-sea": ActorKind.LOCATION,
        "loc:korean-peninsula": ActorKind.LOCATION,
    } == kinds


def test_place_cues() -> None:
    """`in X` and `X, <state>` make unknown names places; place words too."""
    article = parse("The plant in Zelenogradsk closed. Kirovsk, Russia, and Bear Lake froze.")
    found = {s: actor(article, aid).kind for s, aid in mentions(article)}
    assert ActorKind.LOCATION == found["Zelenogradsk"]
    assert ActorKind.LOCATION == found["Kirovsk"]
    assert ActorKind.LOCATION == found["Bear Lake"]


# --------------------------------------------------------------------------- #
# Output shape, stability, robustness
# --------------------------------------------------------------------------- #


def test_actors_sorted_unique_and_mentions_in_order() -> None:
    """Actors are sorted by id, each once; mentions are in text order with exact spans."""
    article = parse("Russia, China and Russia again. Beijing and Moscow met in Astana.")
    ids = [a.id for a in article.actors]
    assert sorted(set(ids)) == ids
    starts = [m.span.start for m in article.mentions]
    assert sorted(starts) == starts
    for m in article.mentions:
        assert article.text[m.span.start : m.span.end] == article.text_of(m)
    assert {m.actor_id for m in article.mentions} <= set(ids)


def test_ids_are_stable_across_articles() -> None:
    """The same person or state gets the same id in different texts."""
    one = parse("Russian Foreign Minister Sergey Lavrov spoke.")
    two = parse("Sergey Lavrov, who arrived late, met Kim.")
    assert "person:sergey-lavrov" in {a.id for a in one.actors}
    assert "person:sergey-lavrov" in {a.id for a in two.actors}


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "’s", "The", "Mr.", "U.S.-", "A-B-C", "| | |", "Kim,", "of the of", "-" * 50],
)
def test_odd_input(text: str) -> None:
    """Odd input parses without an exception and with valid spans."""
    article = parse(text)
    for m in article.mentions:
        assert 0 <= m.span.start < m.span.end <= len(text)


# --------------------------------------------------------------------------- #
# Extensibility
# --------------------------------------------------------------------------- #


ACME = Actor(id="org:acme", kind=ActorKind.ORGANIZATION, name="Acme Widgets", aliases=("Acme",))


def test_with_actors() -> None:
    """User actors added as Python objects are recognized by name and alias."""
    stage = make_actor_stage(Gazetteer.default().with_actors([ACME]))
    pipeline = geobrief.default_pipeline().replace("actors", stage)
    article = geobrief.parse("Acme Widgets grew. Acme said Russia was a market.", pipeline=pipeline)
    assert [
        ("Acme Widgets", "org:acme"),
        ("Acme", "org:acme"),
        ("Russia", "state:RUS"),
    ] == mentions(article)


def test_user_actors_from_json_and_tsv(tmp_path: Path) -> None:
    """User actors load from a JSON list or a TSV file."""
    json_file = tmp_path / "actors.json"
    json_file.write_text(
        json.dumps([{"id": "org:acme", "kind": "organization", "name": "Acme Widgets"}]),
        "utf-8",
    )
    tsv_file = tmp_path / "actors.tsv"
    tsv_file.write_text("# id\tkind\tname\taliases\nloc:zorbia\tlocation\tZorbia\tZorbian Plains\n")
    assert [ACME.id] == [a.id for a in load_actors(json_file)]
    gaz = Gazetteer.default().with_file(json_file).with_file(tsv_file)
    article = Pipeline(stages=(("actors", make_actor_stage(gaz)),)).parse(
        "Acme Widgets sold land on the Zorbian Plains."
    )
    assert [
        ("Acme Widgets", "org:acme"),
        ("Zorbian Plains", "loc:zorbia"),
    ] == mentions(article)


def test_bad_actor_file(tmp_path: Path) -> None:
    """A malformed actor file raises InputError naming the file."""
    bad = tmp_path / "bad.json"
    bad.write_text('[{"name": "no id"}]', "utf-8")
    with pytest.raises(geobrief.InputError, match=r"bad\.json"):
        load_actors(bad)


def test_names_without_latin_letters_get_valid_ids() -> None:
    """Names in other scripts keep their letters in the id; nothing yields an empty id."""
    assert ("владимир-путин", "習近平") == (slug("Владимир Путин"), slug("習近平"))
    assert slug("—").startswith("x")
    article = parse("Глава Росатома Алексей Лихачёв said so. Лихачёв added more.")
    for m in article.mentions:
        assert m.actor_id.split(":", 1)[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It costs US$40 billion.", []),
        ("The FTSE 100 and the Dow Jones fell; USD rose.", []),
        ("Airbus A380 jets flew. Airbus said so.", [("Airbus", "org:airbus")]),
        ("The Boeing 787 was late.", []),
    ],
)
def test_things_that_are_not_actors(text: str, expected: list[tuple[str, str]]) -> None:
    """Currency codes, stock indexes and products named after their maker are no mentions."""
    assert expected == mentions(parse(text))


def test_organization_noun_before_a_name() -> None:
    """`airline Zorbair` and `automaker Kestrel` are organizations."""
    article = parse("The airline Zorbair and the automaker Kestrel Motors merged.")
    assert {"Zorbair": ActorKind.ORGANIZATION, "Kestrel Motors": ActorKind.ORGANIZATION} == {
        s: actor(article, aid).kind for s, aid in mentions(article)
    }


def test_shared_surname_links_to_the_nearest_full_name() -> None:
    """Two people called Lee: each `Lee` is the one named in full most recently."""
    article = parse(
        "Anna Lee met reporters. Lee said it was fine. Later Brian Lee arrived. Lee agreed."
    )
    assert [
        ("Anna Lee", "person:anna-lee"),
        ("Lee", "person:anna-lee"),
        ("Brian Lee", "person:brian-lee"),
        ("Lee", "person:brian-lee"),
    ] == mentions(article)


def test_acronyms_need_a_second_use_or_parentheses() -> None:
    """An all-capital word is an organization when spelled out in brackets or used twice."""
    article = parse(
        "The Zorbian Space Agency (ZSA) launched it. Critics doubted the XQ plan. ZSA said so."
    )
    found = [(s, actor(article, aid).kind) for s, aid in mentions(article)]
    assert ("ZSA", ActorKind.ORGANIZATION) in found
    assert "XQ" not in {s for s, _ in found}


def test_abbreviations_and_initials() -> None:
    """`Mr.`, `Gen.`, initials and `St.` do not end sentences or break names."""
    article = parse("Mr. Okafor met Gen. Mark Milley and John F. Kennedy in St. Louis.")
    assert [
        ("Okafor", "person:okafor"),
        ("Mark Milley", "person:mark-milley"),
        ("John F. Kennedy", "person:john-f-kennedy"),
        ("St. Louis", "loc:st-louis"),
    ] == mentions(article)
    assert ("Gen.",) == actor(article, "person:mark-milley").titles


def test_word_before_a_state_names_an_organization() -> None:
    """`Air France`, `Environment Canada`: one capitalized word and a state's name form an
    organization; a direction does not (`Western Australia` names Australia's region)."""
    article = parse("Environment Canada warned. Air France flew to Western Australia.")
    assert [
        ("Environment Canada", "org:environment-canada"),
        ("Air France", "org:air-france"),
        ("Western Australia", "loc:western-australia"),
    ] == mentions(article)


def test_demonyms_of_regions() -> None:
    """`European` and `English` refer to Europe and England."""
    article = parse("European leaders met English officials.")
    assert [("European", "loc:europe"), ("English", "loc:england")] == mentions(article)


def test_institution_joined_by_for_or_on() -> None:
    """`Centre for ...` and `Council on ...` run on into one organization's name."""
    article = parse(
        "The Zorbian Centre for Disease Research and the Council on Foreign Affairs met."
    )
    assert [
        ("Zorbian Centre for Disease Research", ActorKind.ORGANIZATION),
        ("Council on Foreign Affairs", ActorKind.ORGANIZATION),
    ] == [(s, actor(article, aid).kind) for s, aid in mentions(article)]


def test_body_without_a_state() -> None:
    """`Foreign Ministry spokesperson Mao Ning`: the body is an organization with a stable
    id for its kind, and the spokesperson is affiliated to it."""
    article = parse(
        "Foreign Ministry spokesperson Mao Ning spoke. The Ministry of Defense and the "
        "Defense Ministry said the drills ended."
    )
    assert [
        ("Foreign Ministry", "org:foreign-ministry"),
        ("Mao Ning", "person:mao-ning"),
        ("Ministry of Defense", "org:defense-ministry"),
        ("Defense Ministry", "org:defense-ministry"),
    ] == mentions(article)
    mao = actor(article, "person:mao-ning")
    assert (("spokesperson",), "org:foreign-ministry") == (mao.titles, mao.affiliation)


def test_place_words_need_a_name() -> None:
    """`Bear Lake` and `the Gulf of Zorb` are places; a lone `Hill` or `Lake` is not."""
    article = parse("Bear Lake froze. Ships crossed the Gulf of Zorb. Hill said no; Lake agreed.")
    found = {s: actor(article, aid).kind for s, aid in mentions(article)}
    assert ActorKind.LOCATION == found["Bear Lake"]
    assert ActorKind.LOCATION == found["Gulf of Zorb"]
    assert ActorKind.LOCATION not in {found.get("Hill"), found.get("Lake")}


def test_known_persons_by_surname() -> None:
    """Well-known figures are persons even by surname alone, with their gazetteer id; titles
    still come from the text."""
    article = parse(
        "Zelensky said Ukraine would fight. Chinese President Xi Jinping met Xi's aides."
    )
    assert [
        ("Zelensky", "person:volodymyr-zelensky"),
        ("Ukraine", "state:UKR"),
        ("Chinese", "state:CHN"),
        ("Xi Jinping", "person:xi-jinping"),
        ("Xi", "person:xi-jinping"),
    ] == mentions(article)
    xi = actor(article, "person:xi-jinping")
    assert (("President",), "state:CHN", "Q15031") == (xi.titles, xi.affiliation, xi.wikidata)


# --------------------------------------------------------------------------- #
# National teams, qualified places, places leading an organization's name
# --------------------------------------------------------------------------- #


def test_states_next_to_a_score_are_national_teams() -> None:
    """A state named beside a match score plays in this text: its mentions are its team
    (an organization affiliated to the state), except where it is a location."""
    article = parse("Sweden 1 – 0 Panama. Sweden faced Panama in Russia. Fans came from Sweden.")
    assert [
        ("Sweden", "org:swe-national-team"),
        ("Panama", "org:pan-national-team"),
        ("Sweden", "org:swe-national-team"),
        ("Panama", "org:pan-national-team"),
        ("Russia", "state:RUS"),
        ("Sweden", "state:SWE"),
    ] == mentions(article)
    team = actor(article, "org:swe-national-team")
    assert (ActorKind.ORGANIZATION, "Sweden", "state:SWE") == (
        team.kind,
        team.name,
        team.affiliation,
    )


def test_team_words_name_a_team_without_a_score() -> None:
    """`the US team`, `Team Estonia`."""
    article = parse("The US team won. Team Estonia lost. The US voted.")
    assert [
        ("The US", "org:usa-national-team"),
        ("Estonia", "org:est-national-team"),
        ("The US", "state:USA"),
    ] == mentions(article)


def test_place_qualified_by_its_region_is_one_mention() -> None:
    """`Mobile, Alabama` and `Evansville, Indiana, United States` name the town with its
    region; the regions stay mentions of their own. A list does not qualify."""
    text = (
        "They met in Mobile, Alabama. Evansville, Indiana, United States hosted it. "
        "Perth, Sydney and Melbourne voted."
    )
    article = parse(text)
    spans = [(text[m.span.start : m.span.end], m.actor_id) for m in article.mentions]
    assert [
        ("Mobile, Alabama", "loc:mobile"),
        ("Alabama", "loc:alabama"),
        ("Evansville, Indiana, United States", "loc:evansville"),
        ("Indiana, United States", "loc:indiana"),
        ("United States", "state:USA"),
        ("Perth", "loc:perth"),
        ("Sydney", "loc:sydney"),
        ("Melbourne", "loc:melbourne"),
    ] == spans
    assert "Mobile" == actor(article, "loc:mobile").name


def test_state_opening_an_organization_name_is_nested() -> None:
    """`the U.S. Air Force`, `US National Park Service`: the state that opens the name is a
    mention too; `US` is an acronym, never the function word `us` to strip."""
    text = "The U.S. Air Force and the US National Park Service agreed."
    article = parse(text)
    assert [
        ("The U.S. Air Force", "org:usa-air-force"),
        ("U.S.", "state:USA"),
        ("US National Park Service", "org:us-national-park-service"),
        ("US", "state:USA"),
    ] == mentions(article)
