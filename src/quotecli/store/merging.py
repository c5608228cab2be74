"""Which stored people are one person across the library's articles.

Each article names a person as fully as it can, so one article's "Obama" (it only ever says
"President Obama") is another's "Barack Obama", and "Donald J. Trump" is "Donald Trump". Two
rules, on folded names only, and only between people some article calls a person:

- a name with middle initials is the same person as that name without them;
- a one-word name is the person whose multi-word name ends in that word, when the library
  holds exactly one such person ("Clinton" stays apart while two Clintons are stored).

The people table is small next to the quotes (one row per distinct name), so this is computed
when a summary is asked for, in one pass: always in step with what the library holds.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

_PERSONS = (
    "SELECT p.id, p.key FROM people p WHERE EXISTS"
    " (SELECT 1 FROM article_speakers s WHERE s.person_id = p.id AND s.kind = 'person')"
)


def merged_people(conn: sqlite3.Connection) -> dict[int, int]:
    """Person id -> the id of the person it is listed under, for merged people only."""
    return merge_targets((int(pid), str(key)) for pid, key in conn.execute(_PERSONS))


def merge_targets(people: Iterable[tuple[int, str]]) -> dict[int, int]:
    """Which people merge into which, from (id, folded name) pairs.

    Args:
        people: every stored person as (id, folded canonical name).

    Returns:
        id -> target id for each person listed under another person; others are absent.
    """
    full: dict[str, list[tuple[int, str]]] = defaultdict(list)
    single: list[tuple[int, str]] = []
    for person_id, key in people:
        words = key.split()
        if len(words) >= 2:
            full[" ".join(without_initials(words))].append((person_id, key))
        elif words:
            single.append((person_id, key))
    targets: dict[int, int] = {}
    by_surname: dict[str, set[int]] = defaultdict(set)
    for plain, variants in full.items():
        # The variant written without initials, else the first stored, stands for all.
        keep = min(variants, key=lambda v: (v[1] != plain, v[0]))[0]
        targets.update({pid: keep for pid, _ in variants if pid != keep})
        by_surname[plain.split()[-1]].add(keep)
    for person_id, key in single:
        holders = by_surname.get(key, set())
        if len(holders) == 1:
            targets[person_id] = next(iter(holders))
    return targets


def without_initials(words: list[str]) -> list[str]:
    """ "donald j. trump" -> "donald trump": one-letter middle words are initials."""
    last = len(words) - 1
    return [w for i, w in enumerate(words) if len(w.rstrip(".")) > 1 or i in (0, last)]
