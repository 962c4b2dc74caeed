"""Everything the extractors need to know about one article, computed once."""

from __future__ import annotations

import bisect

from geobrief._model import Article, Span
from geobrief.statements._frames import Frame, find_frames
from geobrief.statements._quotes import QuoteScan, scan_quotes
from geobrief.statements._resolve import MentionIndex
from geobrief.statements._text import Token, article_sentences, tokenize

__all__ = ["ArticleContext", "SentenceInfo"]


class SentenceInfo:
    """One sentence: its span, tokens (with lowercase forms) and frames."""

    def __init__(self, text: str, span: Span) -> None:
        self.span = span
        self.tokens: list[Token] = tokenize(text, span.start, span.end)
        self.lowers: list[str] = [t.lower for t in self.tokens]
        self.frames: list[Frame] = find_frames(self.tokens, self.lowers)


class ArticleContext:
    """Sentences, quotations, frames and the mention index of an article."""

    def __init__(self, article: Article, quotes: QuoteScan | None = None) -> None:
        self.article = article
        self.text = article.text
        self.quotes = quotes if quotes is not None else scan_quotes(article.text)
        self.sentences = [SentenceInfo(self.text, s) for s in article_sentences(article)]
        self.sentence_starts = [s.span.start for s in self.sentences]
        self.quote_contents = [q.content for q in self.quotes.quotes]
        self.mentions = MentionIndex(article, excluded=self.quote_contents)
        self._quote_starts = [q.start for q in self.quote_contents]

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
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self.quote_contents[i].start <= pos < self.quote_contents[i].end

    def overlaps_quote(self, span: Span) -> bool:
        """True when ``span`` overlaps a quotation's content."""
        i = bisect.bisect_left(self._quote_starts, span.end) - 1
        return i >= 0 and self.quote_contents[i].overlaps(span)

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
