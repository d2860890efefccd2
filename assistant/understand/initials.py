"""Initials a user typed for a term the retrieved passages spell out: "FV offences" asked of a
page on "family violence", "SARs" of one counting "suspicious activity reports", "JTF Central" of
"Joint Task Force Central".

The index never heard of "FV", so no passage can match it by its letters. The passages the
question retrieved (by its other words and its meaning) are searched for a run of words whose
initials spell it; the run found becomes a phrasing that stands in for the typed name, as a
thesaurus entry would, so that the passages saying it score, name and count as saying the name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from assistant.understand.names import initial_runs, multiword_names
from assistant.understand.question import Paraphrase
from vectorstore.lexical import tokenize

# A spelt-out term is taken for typed initials when the passages write it at least this often
# (a page's own term recurs; two words sharing a typed name's initials by chance seldom do), or
# once with every word capitalised, as a name is written (never for two letters, which a
# capitalised pair of words shares by chance too often).
SPELT_OUT_REPEATS = 2
NAME_SHORTEST = 3
# Typed initials this short or long are looked for (a word of six letters or more is a word).
INITIALS_SHORTEST, INITIALS_LONGEST = 2, 5


def spelled_out(
    names: Sequence[str], counted: Sequence[str], texts: Sequence[str], knows: Callable[[str], bool]
) -> tuple[Paraphrase, ...]:
    """For each typed name (folded, one word) no indexed report says, the words the passages in
    `texts` spell it out with, as a phrasing of its stem. A counted name ("how many SARs") is
    also counted by the spelt-out term's last word, the thing counted ("3,503 reports")."""
    wanted = {}
    for name in names:
        stems = tokenize(name)
        if len(stems) != 1 or knows(stems[0]) or not name.isalpha():
            continue
        letters = name[:-1] if name.endswith("s") and len(name) > INITIALS_SHORTEST else name  # "SARs"
        if INITIALS_SHORTEST <= len(letters) <= INITIALS_LONGEST:
            wanted[letters] = stems[0]
    if not wanted:
        return ()
    seen: Counter[tuple[str, ...]] = Counter()
    capitalised: set[tuple[str, ...]] = set()
    for text in texts:
        for line in text.split("\n"):
            for initials, run in initial_runs(line, INITIALS_SHORTEST, INITIALS_LONGEST):
                if initials in wanted:
                    seen[tuple(run)] += 1
            for name_words in multiword_names(line):
                for initials, run in initial_runs(name_words, NAME_SHORTEST, INITIALS_LONGEST):
                    if initials in wanted:
                        capitalised.add(tuple(run))
    out = []
    for letters, stem in wanted.items():
        runs = [r for r, n in seen.most_common() if "".join(w[0] for w in r) == letters and n >= SPELT_OUT_REPEATS]
        runs += [r for r in sorted(capitalised) if "".join(w[0] for w in r) == letters and r not in runs]
        if not runs:
            continue
        options = [tuple(t for w in run for t in tokenize(w)) for run in runs[:2]]
        if stem in counted:
            options += [o[-1:] for o in options if o]
        options = [o for o in dict.fromkeys(options) if o and all(knows(t) for t in o)]
        if options:
            out.append(Paraphrase((stem,), tuple(options)))
    return tuple(out)
