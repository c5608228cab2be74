"""Reading gold attributions from brat standoff files (the PolNeAR layout).

A gold directory holds `text/<article>.txt` and `attributions/<article>.ann` or
`attributions/<article>_<annotator>.ann`; when an article has several annotation files the
first in sorted order is used. Text-bound annotations (`T`) of type Content, Source and Cue
are joined into attributions by `Attribution` and `Attribution-no-source` events (`E`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from quotecli.errors import GoldDataError
from quotecli.eval.spans import Span, make_span

ATTRIBUTION_EVENTS = frozenset({"Attribution", "Attribution-no-source"})
ROLES = ("Content", "Source", "Cue")

_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t(.*))?$")
_EVENT = re.compile(r"^(E\d+)\t(\S+?):\S+((?: +\S+:\S+)*) *$")
_OTHER = re.compile(r"^[#ARMN*]\d*\t")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution; `source` is None for `Attribution-no-source`; `event` is
    its brat event id (`E12`), which other annotation layers refer to."""

    content: Span
    source: Span | None
    cue: Span | None
    line: int
    event: str = ""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """An article's text and its gold attributions."""

    name: str
    text_path: Path
    ann_path: Path
    text: str
    attributions: tuple[GoldAttribution, ...]


def read_gold(gold_dir: Path) -> list[GoldArticle]:
    """Read every article of a gold directory, in file-name order.

    Raises:
        GoldDataError: the directory or its `text/` or `attributions/` folder is missing,
            holds no article or no attribution at all, an article has no annotation file,
            or a file is malformed.
    """
    text_dir, ann_dir = gold_dir / "text", gold_dir / "attributions"
    for folder in (gold_dir, text_dir, ann_dir):
        if not folder.is_dir():
            raise GoldDataError(f"gold directory {folder} does not exist")
    texts = sorted(text_dir.glob("*.txt"))
    if not texts:
        raise GoldDataError(f"no gold articles (*.txt) in {text_dir}")
    annotations = sorted(path.name for path in ann_dir.glob("*.ann"))
    articles = [read_article(path, ann_dir / first_annotation(path, annotations)) for path in texts]
    if not any(article.attributions for article in articles):
        raise GoldDataError(f"no gold attributions in {ann_dir}")
    return articles


def first_annotation(text_path: Path, annotation_names: list[str]) -> str:
    """The first `<stem>.ann` or `<stem>_<annotator>.ann` name, in sorted order."""
    pattern = re.compile(rf"^{re.escape(text_path.stem)}(?:_[^_]+)?\.ann$")
    for name in annotation_names:
        if pattern.match(name):
            return name
    raise GoldDataError(f"no annotation file (.ann) for gold article {text_path}")


def read_article(text_path: Path, ann_path: Path) -> GoldArticle:
    """Read one article and its annotation file."""
    text = read_utf8(text_path)
    lines = read_utf8(ann_path).split("\n")
    return GoldArticle(
        name=text_path.stem,
        text_path=text_path,
        ann_path=ann_path,
        text=text,
        attributions=parse_annotations(lines, text, ann_path),
    )


def read_utf8(path: Path) -> str:
    try:
        # newline="" keeps "\r\n" as two characters, as brat offsets count them.
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as error:
        raise GoldDataError(f"{path}: not UTF-8 text ({error.reason})") from error
    except OSError as error:
        raise GoldDataError(f"{path}: cannot read ({error.strerror})") from error


def parse_annotations(lines: list[str], text: str, path: Path) -> tuple[GoldAttribution, ...]:
    """Parse brat lines into attributions (events without a Content are skipped)."""
    spans: dict[str, tuple[str, Span]] = {}
    events: list[tuple[int, str, str, list[tuple[str, str]]]] = []
    in_multiline_text = False
    for number, line in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if match := _TEXT_BOUND.match(line):
            tid, kind, pieces, written = match.groups()
            written_order = parse_pieces(pieces, text, where)
            check_written_text(written_order, written, text, where)
            span = make_span(written_order)
            spans[tid] = (kind, span)
            in_multiline_text = any("\n" in text[s:e] for s, e in span)
        elif match := _EVENT.match(line):
            event, kind, args = match.groups()
            roles = [tuple(arg.split(":", 1)) for arg in args.split()]
            events.append((number, event, kind, [(role, tid) for role, tid in roles]))
            in_multiline_text = False
        elif _OTHER.match(line):
            in_multiline_text = False
        elif line.strip() and not in_multiline_text:
            raise GoldDataError(f"{where}: not a brat annotation line: {line[:60]!r}")
    return tuple(
        attribution
        for number, event, kind, roles in events
        if kind in ATTRIBUTION_EVENTS
        and (attribution := build_attribution(number, event, roles, spans, f"{path}:{number}"))
    )


def parse_pieces(pieces: str, text: str, where: str) -> list[tuple[int, int]]:
    """The pieces in written order (brat's text field follows that order)."""
    parsed = []
    for piece in pieces.split(";"):
        start, end = (int(value) for value in piece.split())
        if not 0 <= start <= end <= len(text):
            raise GoldDataError(
                f"{where}: span {start}-{end} lies outside the article text ({len(text)} chars)"
            )
        parsed.append((start, end))
    return parsed


def check_written_text(
    pieces: list[tuple[int, int]], written: str | None, text: str, where: str
) -> None:
    """The annotation's own copy of the text must match the article (first line only:
    brat writes a span that crosses a newline over several lines)."""
    if written is None:
        return
    actual = " ".join(text[s:e] for s, e in pieces).split("\n")[0]
    if actual.strip() != written.split("\n")[0].strip():
        raise GoldDataError(
            f"{where}: annotated text {written[:40]!r} does not match the article text "
            f"{actual[:40]!r} at those offsets"
        )


def build_attribution(
    number: int,
    event: str,
    roles: list[tuple[str, str]],
    spans: dict[str, tuple[str, Span]],
    where: str,
) -> GoldAttribution | None:
    """Join an event's role arguments (Content, Content2, Source, Cue ...) into one record."""
    pieces: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
    for role, tid in roles:
        if tid not in spans:
            raise GoldDataError(f"{where}: event refers to {tid}, which is not defined")
        base = role.rstrip("0123456789")
        if base in pieces:
            pieces[base].extend(spans[tid][1])
    if not pieces["Content"]:
        return None
    return GoldAttribution(
        content=make_span(pieces["Content"]),
        source=make_span(pieces["Source"]) or None,
        cue=make_span(pieces["Cue"]) or None,
        line=number,
        event=event,
    )
