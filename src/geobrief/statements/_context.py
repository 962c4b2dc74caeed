"""Everything the extractors need to know about one article, computed once."""

from __future__ import annotations

import bisect
import threading
from collections.abc import Sequence
from itertools import repeat
from typing import TYPE_CHECKING

from geobrief._model import Article, Span
from geobrief.statements._frames import Frame, find_frames
from geobrief.statements._lexscan import LexiconScan, TokenTable, scan_lexicons, token_rows
from geobrief.statements._quotes import QuoteScan, scan_quotes
from geobrief.statements._resolve import MentionIndex
from geobrief.statements._text import (
    Token,
    TokenRow,
    article_sentences,
    lowercase,
    tokenize,
)

if TYPE_CHECKING:
    from geobrief.statements._reported import ReportedFrame

__all__ = ["ArticleContext", "SentenceInfo"]

_MAX_EMBEDDED_QUOTES = 8
_new_tuple = tuple.__new__

_RECENT = threading.local()
"""Each thread's last context: the claims stage reuses what the statements stage built."""


class SentenceInfo:
    """One sentence: its span, and (computed on first use) its tokens and frames.

    Only sentences that hold a cue of the lexicon are searched for frames;
    a sentence is tokenized only when something asks for its tokens.
    """

    __slots__ = (
        "_frames",
        "_lowers",
        "_rows",
        "_table",
        "_text",
        "_tokens",
        "has_cue",
        "span",
    )

    def __init__(
        self,
        text: str,
        span: Span,
        has_cue: bool = True,
        table: TokenTable | LexiconScan | None = None,
    ) -> None:
        self.span = span
        self.has_cue = has_cue
        self._text = text
        self._table = table
        """The whole text's tokens; or the lexicon scan, and the sentence splits its own
        (the scan splits the whole text only for a sentence not set off by whitespace)."""
        self._rows: Sequence[TokenRow] | None = None
        self._tokens: list[Token] | None = None
        self._lowers: list[str] | None = None
        self._frames: list[Frame] | None = None

    def _load(self) -> None:
        text, start, end = self._text, self.span.start, self.span.end
        table = self._table
        if isinstance(table, LexiconScan):
            if (start == 0 or text[start - 1].isspace()) and (
                end == len(text) or text[end].isspace()
            ):
                # Whitespace resynchronizes the tokenizer: a sentence set off by it
                # splits into the whole text's tokens.
                self._rows, self._lowers = token_rows(text, start, end)
            else:  # (its own split might differ: cut from the whole text's tokens)
                self._rows, self._lowers = table.tokens.within(start, end)
        elif table is not None:
            self._rows, self._lowers = table.within(start, end)
        else:
            tokens = tokenize(self._text, self.span.start, self.span.end)
            self._rows = self._tokens = tokens
            self._lowers = lowercase(tokens)

    @property
    def rows(self) -> Sequence[TokenRow]:
        """The sentence's tokens as plain ``(start, end, text)`` tuples (cheaper than
        :attr:`tokens`; what the extractors use)."""
        if self._rows is None:
            self._load()
        assert self._rows is not None
        return self._rows

    @property
    def tokenized(self) -> bool:
        """Whether the sentence's tokens are split already (a search that would only
        save splitting them need not run)."""
        return self._rows is not None

    @property
    def tokens(self) -> list[Token]:
        """The sentence's tokens."""
        if self._tokens is None:
            self._tokens = list(map(_new_tuple, repeat(Token), self.rows))
        return self._tokens

    @property
    def lowers(self) -> list[str]:
        """The tokens' lowercase forms."""
        if self._lowers is None:
            self._load()
        assert self._lowers is not None
        return self._lowers

    @property
    def frames(self) -> list[Frame]:
        """The attribution frames of the sentence."""
        if self._frames is None:
            if not self.has_cue:
                self._frames = []
            else:
                table = self._table
                self._frames = find_frames(
                    self.rows,
                    self.lowers,
                    # (the scan's cues: the sentence's tokens need no search for them)
                    table.cue_starts_in(self.span.start, self.span.end)
                    if isinstance(table, LexiconScan)
                    else None,
                )
        return self._frames

    @property
    def starts_lowercase(self) -> bool:
        """True when the sentence's first character is a lowercase letter."""
        return self._text[self.span.start].islower()


class ArticleContext:
    """Sentences, quotations, frames and the mention index of an article.

    Use :meth:`of` to share one context between the statement and claim stages.
    """

    @classmethod
    def of(cls, article: Article) -> ArticleContext:
        """The context of ``article``, reused when this thread's previous call had the
        same text, structure and mentions (the claims stage right after statements)."""
        last: ArticleContext | None = getattr(_RECENT, "context", None)
        if (
            last is not None
            and last.article.text is article.text
            and last.article.mentions is article.mentions
            and last.article.actors is article.actors
            and last.article.sections is article.sections
            and last.article.key_points is article.key_points
            and last.article.title == article.title
        ):
            return last
        ctx = cls(article)
        _RECENT.context = ctx
        return ctx

    @classmethod
    def forget(cls) -> None:
        """Drop this thread's remembered context (benchmarks measure the real work)."""
        _RECENT.context = None

    def __init__(self, article: Article, quotes: QuoteScan | None = None) -> None:
        self.article = article
        self.text = text = article.text
        self.lexicon = lexicon = scan_lexicons(text)
        self.quotes = quotes if quotes is not None else scan_quotes(text, lexicon.quote_marks)
        self.sentences = [
            SentenceInfo(text, s, lexicon.has_cue(s.start, s.end), lexicon)
            for s in article_sentences(article)
        ]
        self.sentence_starts = [s.span.start for s in self.sentences]
        self.quote_contents = [q.content for q in self.quotes.quotes]
        self.mentions = MentionIndex(article, excluded=self.quote_contents)
        self._quote_starts = [q.start for q in self.quote_contents]
        self.reported: list[ReportedFrame] | None = None
        """The reported frames, filled by :func:`._reported.reported_frames` on first use."""

    def sentence_at(self, pos: int) -> SentenceInfo | None:
        """The sentence that contains offset ``pos`` (or the nearest one before it)."""
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        if i < 0:
            return None
        return self.sentences[i]

    def sentence_index(self, sentence: SentenceInfo) -> int:
        """The index of a sentence of this article."""
        return bisect.bisect_left(self.sentence_starts, sentence.span.start)

    def in_quote(self, pos: int) -> bool:
        """True when ``pos`` lies inside a quotation's content."""
        return self.quote_containing(pos) is not None

    def quote_containing(self, pos: int) -> Span | None:
        """The content of the quotation ``pos`` lies inside, if any."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        if i >= 0 and self.quote_contents[i].start <= pos < self.quote_contents[i].end:
            return self.quote_contents[i]
        return None

    def overlaps_quote(self, span: Span) -> bool:
        """True when ``span`` overlaps a quotation's content."""
        i = bisect.bisect_left(self._quote_starts, span.end) - 1
        return i >= 0 and self.quote_contents[i].overlaps(span)

    def quotes_embedded(self, span: Span) -> bool:
        """True when every quotation that overlaps ``span`` sits inside it after some
        unquoted text (``would respond “decisively” to ...``): a partial quote within
        reported speech, not a direct quotation."""
        quotes = self.quotes.quotes
        i = bisect.bisect_left(self._quote_starts, span.end) - 1
        lowest = i - _MAX_EMBEDDED_QUOTES
        while i >= 0 and self.quote_contents[i].end > span.start:
            quote = quotes[i]
            if (
                i <= lowest
                or quote.open_mark <= span.start
                or self.quote_contents[i].end > span.end
            ):
                return False  # (more quotations than any reported clause holds: not embedded)
            i -= 1
        return True

    def resolve(self, frame_speaker: Span, head: Span, pronoun: bool) -> str | None:
        """The actor id a frame's source phrase refers to, if it can be told."""
        if pronoun:
            return self.mentions.pronoun(
                self.text[frame_speaker.start : frame_speaker.end],
                frame_speaker.start,
                self.sentence_starts,
            )
        found = self.mentions.speaker_of(frame_speaker, head)
        if found is not None:
            return found
        phrase = self.text[frame_speaker.start : frame_speaker.end].lower()
        if phrase.startswith(("the ", "this ", "that ")):
            return self.mentions.describe(self.text[head.start : head.end], frame_speaker.start)
        return None
