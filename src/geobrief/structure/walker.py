"""The body walk: one forward pass over classified items that sorts them into
groups (lead zone, sections, outline, key points, summary, FAQ)."""

from __future__ import annotations

import enum
import re
from collections import deque

import attrs

from geobrief.structure._data import part_names
from geobrief.structure.blocks import (
    KIND_ANSWER,
    KIND_BLANK,
    KIND_HEADING,
    KIND_LIST_ITEM,
    KIND_QUESTION,
    KIND_RULE,
    KIND_TEXT,
    Block,
    Item,
)
from geobrief.structure.headings import heading_key, is_heading_like, trim_heading
from geobrief.structure.tables import Table, row_item

__all__ = ["Group", "Outline", "Question", "Role", "walk"]


class Role(enum.Enum):
    """What a group of items is."""

    FRONT = "front"
    """Before any heading: the lead and any untitled paragraphs after it."""
    SECTION = "section"
    ORPHAN = "orphan"
    """Body text after a part that cannot hold it: an untitled section."""
    OUTLINE = "outline"
    KEY_POINTS = "key_points"
    SUMMARY = "summary"
    FAQ = "faq"


# Role members bound to module names, as blocks.py does for Kind (assemble imports them).
ROLE_FRONT = Role.FRONT
ROLE_SECTION = Role.SECTION
ROLE_ORPHAN = Role.ORPHAN
ROLE_OUTLINE = Role.OUTLINE
ROLE_KEY_POINTS = Role.KEY_POINTS
ROLE_SUMMARY = Role.SUMMARY
ROLE_FAQ = Role.FAQ

_INLINE_LABEL = re.compile(
    r"(?:\*\*|__)?(?P<name>[^:\n*_]{1,40}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]+(?=\S)"
)
"""``Summary: text`` -- a part's name as a label in front of its first paragraph."""

_LABEL_REACH = 44
"""How far into a line ``_INLINE_LABEL``'s colon may be, spaces and tabs aside:
emphasis (2), a name of at most 40 characters, emphasis (2)."""


def _may_have_label(text: str, start: int, end: int) -> bool:
    """False when ``_INLINE_LABEL`` cannot match ``text[start:end]``: it has no
    colon, or its first colon (a label's name holds none) is further in than a
    name can reach with only spaces and tabs after it. Saves the regex's failing
    tries on long lines with a colon far in."""
    colon = text.find(":", start, end)
    if colon < 0:
        return False
    reach = start + _LABEL_REACH
    return colon <= reach or not text[reach:colon].strip(" \t")


_WORD = re.compile(r"\w{3,}")
_NEAR_CANDIDATES = 2
_NEAR_SCAN = 8  # entries looked at per line, so the look-up stays O(1)
_NEAR_MAX_WORDS = 12

_PART_NAMES = part_names()
# Tuples, not sets: ``in`` compares enum members by identity in C, while a set would
# call ``Enum.__hash__``, a Python function on 3.11.
_EMPTY_KINDS = (KIND_BLANK, KIND_RULE)
"""Kinds of block that give a group no content."""
_LABELLED_KINDS = (KIND_QUESTION, KIND_ANSWER)
_PART_ROLES = {
    "outline": ROLE_OUTLINE,
    "key_points": ROLE_KEY_POINTS,
    "summary": ROLE_SUMMARY,
    "faq": ROLE_FAQ,
}


@attrs.frozen(kw_only=True)
class Question:
    """A FAQ question found during the walk."""

    start: int
    end: int


@attrs.define(kw_only=True)
class Group:
    """Items that belong together, in text order."""

    role: Role
    heading: Block | None = None
    """The heading that opened the group, if any."""
    level: int = 0
    """The opening heading's markdown level (0 for a bare line or none)."""
    outline_index: int | None = None
    """For a section: the outline entry its heading matched."""
    items: list[Item | Question] = attrs.Factory(list)
    closed: bool = False
    """True once a table filled the part; later body text starts a new group."""
    labelled: bool = False
    """For a FAQ: it uses ``Question:`` labels, so '?' lines are not questions."""
    near: bool = False
    """For a section: its heading only nearly matches its outline entry."""

    content: bool = False
    """True once the group holds anything but blank lines and rules."""

    def append(self, item: Item | Question) -> None:
        """Add an item, keeping ``content`` up to date."""
        self.items.append(item)
        if not isinstance(item, Block) or item.kind not in _EMPTY_KINDS:
            self.content = True


@attrs.define(kw_only=True)
class Outline:
    """The declared subheadings, and which ones a heading has matched yet."""

    entries: list[tuple[int | None, int, int]] = attrs.Factory(list)
    """``(number, start, end)`` of each entry."""
    keys: list[str] = attrs.Factory(list)
    """The heading key of each entry."""
    unmatched: dict[str, deque[int]] = attrs.Factory(dict)
    """Heading key -> indices of entries with that key not matched yet."""
    matched: set[int] = attrs.Factory(set)
    """Indices of entries a heading has matched."""
    first_unmatched: int = 0
    """No entry before this index is unmatched."""
    entry_words: dict[int, frozenset[str]] = attrs.Factory(dict)
    """The words of each entry's key looked at by ``take_near`` yet."""

    def add(self, text: str, number: int | None, start: int, end: int) -> None:
        """Declare an entry."""
        key = heading_key(text, start, end)
        self.unmatched.setdefault(key, deque()).append(len(self.entries))
        self.entries.append((number, start, end))
        self.keys.append(key)

    def take(self, key: str) -> int | None:
        """The first unmatched entry with this key, now matched; None if none."""
        waiting = self.unmatched.get(key) if key else None
        if not waiting:
            return None
        index = waiting.popleft()
        self.matched.add(index)
        return index

    def waiting(self, key: str) -> bool:
        """True when an unmatched entry has this key."""
        return bool(key and self.unmatched.get(key))

    def take_near(self, key: str) -> int | None:
        """The next unmatched entry (or the one after it) whose words mostly equal
        the words of ``key``, now matched; None if neither is close enough."""
        while self.first_unmatched in self.matched:
            self.first_unmatched += 1
        words = frozenset(_WORD.findall(key))
        index = self.first_unmatched
        stop = min(len(self.entries), index + _NEAR_SCAN)
        candidates = 0
        while index < stop and candidates < _NEAR_CANDIDATES:
            if index not in self.matched:
                candidates += 1
                theirs = self.entry_words.get(index)
                if theirs is None:
                    theirs = self.entry_words[index] = frozenset(_WORD.findall(self.keys[index]))
                if words and theirs and len(words & theirs) * 2 >= max(len(words), len(theirs)):
                    self.unmatched[self.keys[index]].remove(index)
                    self.matched.add(index)
                    return index
            index += 1
        return None


def _table_role(text: str, table: Table) -> Role | None:
    if table.header is None:
        return None
    for start, end in table.header.cells:
        role = _PART_NAMES.get(heading_key(text, start, end))
        if role in ("outline", "key_points"):
            return _PART_ROLES[role]
    return None


def _ends_with_question_mark(text: str, block: Block) -> bool:
    return text[block.text_start : block.text_end].rstrip("*_\"'”’)").endswith("?")


def _question(text: str, block: Block) -> Question:
    """A question from a line, without its label, ``#`` marks or emphasis."""
    start, end = trim_heading(text, block.text_start, block.text_end)
    return Question(start=start, end=end)


def _as_text(block: Block) -> Block:
    """A labelled line read as ordinary body text (label kept)."""
    if block.kind in (KIND_QUESTION, KIND_ANSWER):
        return block._replace(
            kind=KIND_TEXT,
            text_start=block.line.content_start,
            text_end=block.line.content_end,
        )
    return block


@attrs.define
class _Walk:
    text: str
    groups: list[Group]
    outline: Outline = attrs.Factory(Outline)
    brief_seen: bool = False

    @property
    def current(self) -> Group:
        return self.groups[-1]

    def open(self, group: Group) -> Group:
        self.groups.append(group)
        if group.role in _PART_ROLES.values():
            self.brief_seen = True
        return group

    def body(self, item: Item | Question) -> None:
        group = self.groups[-1]
        if isinstance(item, Block):
            if group.closed and item.kind not in _EMPTY_KINDS:
                group = self.open(Group(role=ROLE_ORPHAN))
            if group.role is not ROLE_FAQ and item.kind in _LABELLED_KINDS:
                item = _as_text(item)
        elif group.closed:
            group = self.open(Group(role=ROLE_ORPHAN))
        group.append(item)

    def table(self, table: Table) -> None:
        group = self.current
        role = _table_role(self.text, table)
        fresh = group.heading is not None and not group.closed and not group.content
        if role is None and fresh and group.role in (ROLE_OUTLINE, ROLE_KEY_POINTS):
            role = group.role
        if role is None:
            self.body(table)
            return
        if not (group.role is role and fresh):
            group = self.open(Group(role=role))
        group.append(table)
        group.closed = True
        if role is ROLE_OUTLINE:
            for row in table.rows:
                found = row_item(self.text, row)
                if found is not None:
                    self.outline.add(self.text, *found)

    def heading(self, block: Block) -> None:
        group = self.current
        nested = group.heading is not None and group.heading.kind is KIND_HEADING
        if group.role is ROLE_FAQ and (
            (nested and block.level > group.level) or _ends_with_question_mark(self.text, block)
        ):
            group.append(_question(self.text, block))
            return
        key = heading_key(self.text, block.text_start, block.text_end)
        role = _PART_NAMES.get(key)
        if role is not None:
            self.open(Group(role=_PART_ROLES[role], heading=block, level=block.level))
            return
        self.open(
            Group(
                role=ROLE_SECTION,
                heading=block,
                level=block.level,
                outline_index=self.outline.take(key),
            )
        )

    def line(self, block: Block) -> None:
        """A text line or list item: an outline entry, a heading, a question, or body."""
        text = self.text
        group = self.groups[-1]
        key = heading_key(text, block.text_start, block.text_end)
        part = _PART_NAMES.get(key) if block.kind is KIND_TEXT else None
        if part is not None:
            self.open(Group(role=_PART_ROLES[part], heading=block))
            return
        if group.role is ROLE_OUTLINE and not group.closed and not self.outline.waiting(key):
            if block.kind is KIND_LIST_ITEM or is_heading_like(
                text, block.text_start, block.text_end
            ):
                self.outline.add(text, block.number, block.text_start, block.text_end)
                group.append(block)
                return
            group.closed = True
        index = self.outline.take(key)
        if index is not None:
            self.open(Group(role=ROLE_SECTION, heading=block, level=0, outline_index=index))
            return
        if key and self._near_heading(block, key):
            return
        if (
            block.kind is KIND_TEXT
            and self.brief_seen
            and group.role is not ROLE_FAQ
            and _may_have_label(text, block.text_start, block.text_end)
        ):
            label = _INLINE_LABEL.match(text, block.text_start, block.text_end)
            if (
                label is not None
                and _PART_NAMES.get(heading_key(text, *label.span("name"))) == "summary"
            ):
                self.open(Group(role=ROLE_SUMMARY))
                self.body(block._replace(text_start=label.end()))
                return
        if (
            group.role is ROLE_FAQ
            and not group.labelled
            and block.kind in (KIND_TEXT, KIND_LIST_ITEM)
            and _ends_with_question_mark(text, block)
        ):
            group.append(_question(self.text, block))
            return
        self.body(block)

    def _near_heading(self, block: Block, key: str) -> bool:
        """Open a section for a heading-like line that nearly matches the next
        outline entry (most of its words are the same)."""
        text = self.text
        current = self.groups[-1]
        if (
            not key
            or not self.outline.entries
            or block.kind is not KIND_TEXT
            or not (
                current.role in (ROLE_FRONT, ROLE_SECTION, ROLE_ORPHAN)
                or (current.role is ROLE_OUTLINE and current.closed)
            )
            or key.endswith("?")
            or len(key.split()) > _NEAR_MAX_WORDS
            or not is_heading_like(text, block.text_start, block.text_end)
        ):
            return False
        index = self.outline.take_near(key)
        if index is None:
            return False
        self.open(Group(role=ROLE_SECTION, heading=block, level=0, outline_index=index, near=True))
        return True

    def question(self, block: Block) -> None:
        group = self.current
        if group.role is not ROLE_FAQ:
            if not self.brief_seen:
                self.body(block)
                return
            group = self.open(Group(role=ROLE_FAQ))
        group.labelled = True
        group.append(_question(self.text, block))


def walk(text: str, items: list[Item]) -> tuple[list[Group], Outline]:
    """Sort the body's items into groups, in one forward pass."""
    state = _Walk(text=text, groups=[Group(role=ROLE_FRONT)])
    for item in items:
        if isinstance(item, Table):
            state.table(item)
            continue
        kind = item.kind
        if kind is KIND_TEXT or kind is KIND_LIST_ITEM:
            state.line(item)
        elif kind is KIND_HEADING:
            state.heading(item)
        elif kind is KIND_QUESTION:
            state.question(item)
        else:
            state.body(item)
    return state.groups, state.outline
