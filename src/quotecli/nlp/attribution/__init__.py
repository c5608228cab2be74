"""Finding quotations, their cues and their sources in a parsed Doc, with named rules.

Rules (`rules/`) each find one construction and yield frozen candidates carrying the rule's
name; they read only the `Context` built once per Doc, never each other's output. The engine
runs them in order of priority, settling each priority's candidates in text order against
what is already accepted by the one overlap policy (`resolver`). Refinements
(`refinements`) are named steps between them that rework the accepted list: joining split
quotes, carrying an indirect report on into a quotation, and carrying a speaker into the
next paragraph.

The declared order (`engine.STEPS`): quotations by their marks (10-13), split quotes (15),
labels (20-21), reports read off the parse (30), reporting nouns (40), run-on quotations
(50), continuation paragraphs (60).
"""

from __future__ import annotations

from quotecli.nlp.attribution.engine import STEP_NAMES, STEPS, check_step_names, find_attributions

__all__ = ["STEPS", "STEP_NAMES", "check_step_names", "find_attributions"]
