"""Accuracy against hand-annotated gold attributions (brat standoff, e.g. PolNeAR).

`evaluate(gold_dir, predict)` in `quotecli.eval.core` is the entry point; `compare` scores
quotecli and the textacy baseline side by side (`make eval`).
"""
