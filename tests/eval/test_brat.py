from __future__ import annotations

from pathlib import Path

import pytest

from quotecli.errors import GoldDataError
from quotecli.eval.brat import read_gold

from .conftest import ANN, CUE, QUOTE, REPORTED, REPORTED_CUE, SOURCE, TEXT, MakeGold, piece


def test_reads_attributions_with_and_without_source(make_gold: MakeGold) -> None:
    [article] = read_gold(make_gold())
    assert article.name == "article"
    quote, reported = article.attributions
    assert (quote.content, quote.source, quote.cue) == ((QUOTE,), (SOURCE,), (CUE,))
    assert (reported.content, reported.source, reported.cue) == ((REPORTED,), None, (REPORTED_CUE,))


def test_discontinuous_span_and_second_content_are_kept_as_pieces(make_gold: MakeGold) -> None:
    text = '"We won," he said, "and we know it." More text follows here.'
    first, second = (1, 8), (text.index("and"), text.index("it.") + 3)
    extra = (text.index("More"), text.index("More") + 4)
    ann = "\n".join(
        [
            f"T1\tContent {first[0]} {first[1]};{second[0]} {second[1]}\t"
            f"{text[first[0] : first[1]]} {text[second[0] : second[1]]}",
            f"T2\tSource {piece((10, 12), text)}",
            f"T3\tCue {piece((13, 17), text)}",
            f"T4\tContent {piece(extra, text)}",
            "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2 Content2:T4",
        ]
    )
    [article] = read_gold(make_gold({"split": (text, {"split.ann": ann})}))
    [attribution] = article.attributions
    assert attribution.content == (first, second, extra)
    assert attribution.source == ((10, 12),)


def test_first_annotation_file_in_sorted_order_is_used(make_gold: MakeGold) -> None:
    only_quote = "\n".join(ANN.split("\n")[:5])
    gold = make_gold({"article": (TEXT, {"article_b2.ann": only_quote, "article_a1.ann": ANN})})
    [article] = read_gold(gold)
    assert article.ann_path.name == "article_a1.ann"
    assert len(article.attributions) == 2


def test_span_text_crossing_a_newline_continues_on_following_lines(make_gold: MakeGold) -> None:
    text = "Line one said.\n\nLine two, she said."
    ann = f"T1\tContent 0 25\tLine one said.\n\nLine two\nT2\tCue {piece((30, 34), text)}\n"
    ann += "E1\tAttribution-no-source:T2 Content:T1 Cue:T2\n"
    [article] = read_gold(make_gold({"multi": (text, {"multi.ann": ann})}))
    assert article.attributions[0].content == ((0, 25),)


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tContent 1 x\tWe", ":1: not a brat annotation line"),
        (f"T1\tContent {piece(QUOTE)}\nE1\tAttribution:T1 Content:T9", ":2: event refers to T9"),
        ("T1\tContent 1 999\tWe", ":1: span 1-999 lies outside"),
        ("T1\tContent 1 5\tThey", ":1: annotated text 'They' does not match"),
    ],
    ids=["bad_offsets", "undefined_reference", "out_of_range", "wrong_text"],
)
def test_malformed_line_names_file_and_line(make_gold: MakeGold, ann: str, message: str) -> None:
    gold = make_gold({"article": (TEXT, {"article.ann": ann})})
    with pytest.raises(GoldDataError) as caught:
        read_gold(gold)
    assert "article.ann" + message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_directories_and_empty_gold_are_errors(make_gold: MakeGold, tmp_path: Path) -> None:
    with pytest.raises(GoldDataError, match="does not exist"):
        read_gold(tmp_path / "nowhere")
    gold = make_gold({})
    with pytest.raises(GoldDataError, match=r"no gold articles"):
        read_gold(gold)


def test_article_without_annotation_file_and_gold_without_attributions(make_gold: MakeGold) -> None:
    gold = make_gold({"article": (TEXT, {"other_x1.ann": ANN})})
    with pytest.raises(GoldDataError, match="no annotation file"):
        read_gold(gold)
    (gold / "attributions" / "article.ann").write_text("", encoding="utf-8")
    with pytest.raises(GoldDataError, match="no gold attributions"):
        read_gold(gold)


def test_annotator_suffix_does_not_confuse_articles_sharing_a_prefix(make_gold: MakeGold) -> None:
    gold = make_gold(
        {
            "a": (TEXT, {"a_x1.ann": ANN}),
            "a_b": (TEXT, {"a_b_x1.ann": "\n".join(ANN.split("\n")[:5])}),
        }
    )
    counts = {article.name: len(article.attributions) for article in read_gold(gold)}
    assert counts == {"a": 2, "a_b": 1}
