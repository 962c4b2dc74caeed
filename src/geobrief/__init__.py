"""geobrief: typed, queryable models of geopolitical news briefs.

Parse plain text into an :class:`Article` with actors, statements and claims,
each carrying exact character offsets into ``Article.text``, and round-trip it
losslessly through JSON.
"""

from geobrief._converter import make_converter
from geobrief._errors import DecodeError, GeobriefError, InputError, ModelError, Problem
from geobrief._jsonl import dump_jsonl, load_jsonl
from geobrief._model import (
    Actor,
    ActorKind,
    ActorSource,
    AnonymousSource,
    Article,
    ArticleSource,
    Claim,
    ClaimSource,
    Diagnostic,
    FaqItem,
    Hedge,
    KeyPoint,
    Layout,
    Mention,
    Metadata,
    Modality,
    OutlineEntry,
    Paragraph,
    Section,
    Severity,
    Span,
    Statement,
    StatementKind,
)
from geobrief._normalize import article_id, normalize
from geobrief._pipeline import Pipeline, Stage, default_pipeline, parse, parse_file, read_text
from geobrief._schema import json_schema
from geobrief._serialize import dumps, dumps_bytes, from_dict, loads, to_dict
from geobrief._version import SCHEMA_VERSION, __version__
from geobrief.corpus import Corpus
from geobrief.records import to_records

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "ActorSource",
    "AnonymousSource",
    "Article",
    "ArticleSource",
    "Claim",
    "ClaimSource",
    "Corpus",
    "DecodeError",
    "Diagnostic",
    "FaqItem",
    "GeobriefError",
    "Hedge",
    "InputError",
    "KeyPoint",
    "Layout",
    "Mention",
    "Metadata",
    "Modality",
    "ModelError",
    "OutlineEntry",
    "Paragraph",
    "Pipeline",
    "Problem",
    "Section",
    "Severity",
    "Span",
    "Stage",
    "Statement",
    "StatementKind",
    "__version__",
    "article_id",
    "default_pipeline",
    "dump_jsonl",
    "dumps",
    "dumps_bytes",
    "from_dict",
    "json_schema",
    "load_jsonl",
    "loads",
    "make_converter",
    "normalize",
    "parse",
    "parse_file",
    "read_text",
    "to_dict",
    "to_records",
]
