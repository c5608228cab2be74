"""quotecli records as predictions: a split quote's content is its parts, as brat annotates it."""

from __future__ import annotations

from pathlib import Path

from quotecli.eval.brat import read_article
from quotecli.eval.matching import MatchMode
from quotecli.eval.prediction import from_quote
from quotecli.eval.scoring import Counts, score_article
from tests.support.synthetic import Said, build_extraction

SPLIT = 'The port is full," she said, "and the ships keep coming.'
GAP = (SPLIT.index('," she'), SPLIT.index("and the"))


def test_quote_in_one_piece_is_one_piece() -> None:
    [quote] = build_extraction("a.txt", [Said("Ana Ruiz", "The port is full")]).quotes
    assert from_quote(quote).content == ((quote.start, quote.end),)


def test_split_quote_content_leaves_out_the_cue_between_its_parts() -> None:
    [quote] = build_extraction("a.txt", [Said("Ana Ruiz", SPLIT, gaps=(GAP,))]).quotes
    first, second = from_quote(quote).content
    assert first == (quote.start, quote.start + GAP[0])
    assert second == (quote.start + GAP[1], quote.end)


def test_split_quote_matches_brat_gold_with_two_content_pieces_exactly(tmp_path: Path) -> None:
    extraction = build_extraction("a.txt", [Said("Ana Ruiz", SPLIT, gaps=(GAP,))])
    [quote] = extraction.quotes
    text = extraction.article.text
    first, second = quote.parts
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        f"T1\tContent {first.start} {first.end};{second.start} {second.end}"
        f"\t{first.text} {second.text}\n"
        f"T2\tAttribution {quote.start - 7} {quote.start - 3}\tsaid\n"
        "E1\tAttribution:T2 Content:T1\n",
        encoding="utf-8",
    )
    gold = read_article(tmp_path / "a.txt", tmp_path / "a.ann")
    scores = score_article(gold, [from_quote(quote)])
    assert scores[("content", MatchMode.EXACT, "all")] == Counts(1, 1, 1)
