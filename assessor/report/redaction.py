"""Taking people (and, unless the user opts in, the organisation) out of text the team typed, for anything
shared outside the organisation: the learning card.

Every participant's name and role, a pilot's owner, the facilitator and the consultant (and the
organisation's name) are searched for in the text, without regard to case and as whole words only, and
replaced with a neutral phrase: "[a colleague]", "[a role]", "[the organisation]" (in the questionnaire's
word for who is assessed). A name is also searched for
by its parts ("Helen" of "Helen Carter"), but a part only where it is written with its capital, so that a
name such as "Will" or "Hope" does not take the ordinary word with it. The facilitator's and consultant's
details, usually "name, role", are searched for whole and by their parts between commas.

Matching is done on the text in Unicode's composed form (NFC), spaces between the words of a term may be
any run of white space, and a letter matches its every case form, including those of another length
("ß" and "SS"). A longer term is replaced before a shorter one inside it. Every email address is replaced
("[an email address]": it names its person in lower case), and so is a web address holding a word of the
organisation's name ("www.northbridge.gov.uk"), unless the user opts in to naming the organisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from assessor.model import Assessment
from assessor.model.questionnaire import LEGACY_WORDING

COLLEAGUE = "[a colleague]"
ROLE = "[a role]"
EMAIL = "[an email address]"
#: An email or web address: a run of characters without spaces holding "@", "://", "www." or a dot between
#: letters, ending before closing punctuation.
_ADDRESS = re.compile(
    r"[^\s@]+@[^\s@]+\.[^\s@]*[^\s.,;:!?)\]'\"]|(?:[^\s]*(?:://|www\.)|[\w-]+\.[\w-]+[./])[^\s]*[^\s.,;:!?)\]'\"]"
)

#: Words of a name that say nothing of who it is: not searched for on their own.
HONORIFICS = frozenset(
    {"cllr", "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame"}
    | {"lord", "lady", "rev", "revd", "reverend"}
)
#: Words of an organisation's name shared by many organisations: not searched for on their own (nor is the
#: questionnaire's own word for who is assessed, added by ``people_redactor``).
GENERIC = frozenset(
    {"borough", "county", "district", "city", "metropolitan", "royal", "town", "parish"}
    | {"combined", "authority", "unitary", "london", "greater", "north", "south", "east", "west"}
    | {"of", "the", "and", "for", "in", "on", "at", "upon", "new", "national", "group", "voluntary"}
    | {"partnership", "trust", "board", "service", "services", "health", "care", "integrated"}
    | {"fire", "rescue", "police", "nhs", "community", "communities"}
)
#: The shortest part of a name searched for on its own.
MIN_PART = 2


def _letter(char: str) -> str:
    """A pattern for ``char`` matching its every case form (``re.IGNORECASE`` covers the single-letter ones;
    the forms of another length, such as "ß" and "ss", and those it does not pair, such as "ı" and "I", are
    spelled out)."""
    forms = {char, char.lower(), char.upper(), char.casefold(), char.title()}
    if all(len(form) == 1 and form.lower() == char.lower() for form in forms):
        return re.escape(char)
    return "(?:" + "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)) + ")"


def _words(term: str) -> list[str]:
    return unicodedata.normalize("NFC", term).split()


def _pattern(words: list[str], *, capital: bool) -> str:
    """The words, any white space between them; ``capital``: the first letter as written. (The test that
    they are whole words is made once, around every term: see ``Redactor._regex``.)"""
    parts = []
    for index, word in enumerate(words):
        letters = [_letter(char) for char in word]
        if capital and index == 0 and word[:1].isupper():
            letters[0] = f"(?-i:{re.escape(word[0])})"
        parts.append("".join(letters))
    return r"\s+".join(parts)


@dataclass(frozen=True)
class _Term:
    words: tuple[str, ...]
    phrase: str
    #: Matched only with its first letter as written (a part of a name).
    capital: bool = False


@dataclass
class Redactor:
    """Replaces each term in text; ``removed`` counts the replacements made so far."""

    terms: list[_Term] = field(default_factory=list)
    removed: int = 0
    #: Words (casefolded) that mark a web address as the organisation's, and the phrase that replaces it.
    addresses: dict[str, str] = field(default_factory=dict)
    _compiled: re.Pattern[str] | None = field(default=None, repr=False)
    _phrases: dict[str, str] = field(default_factory=dict, repr=False)

    def add(self, term: str, phrase: str, *, capital: bool = False) -> None:
        """Search for ``term`` (its words, any white space between them) and replace it with ``phrase``.

        A term of fewer than ``MIN_PART`` letters or digits is not searched for: an initial names no one,
        and "A" would take every "a" with it."""
        words = tuple(_words(term))
        if sum(char.isalnum() for char in "".join(words)) < MIN_PART:
            return
        if any(t.words == words and not t.capital for t in self.terms):
            return
        self.terms = [t for t in self.terms if t.words != words]
        self.terms.append(_Term(words, phrase, capital))
        self._compiled = None

    def add_name(self, name: str, phrase: str = COLLEAGUE) -> None:
        """A person's name: whole, and each part written with its capital."""
        self.add(name, phrase)
        self._add_words(name, phrase, HONORIFICS, MIN_PART)

    def add_details(self, value: str, *, person: bool, name_first: bool = True) -> None:
        """A facilitator's or consultant's details ("name, role, firm"), a role, or a pilot's owner: whole
        and by their parts between commas. With ``person`` and ``name_first``, the first part (or the
        whole, without commas) is a name, searched for by its parts too."""
        self.add(value, COLLEAGUE if person else ROLE)
        parts = [part.strip() for part in value.split(",") if part.strip()]
        if len(parts) < 2:
            if person and name_first:
                self.add_name(value)
            return
        for index, part in enumerate(parts):
            if index == 0 and person and name_first:
                self.add_name(part)
            else:
                self.add(part, COLLEAGUE if index == 0 and person else ROLE, capital=True)

    def add_organisation(self, name: str, phrase: str, nouns: Iterable[str] = ()) -> None:
        """The organisation's name: whole, and its words that are not common to many organisations (nor one
        of ``nouns``, words for who is assessed, or their plurals)."""
        self.add(name, phrase)
        common = {form for noun in nouns if noun for form in (noun.casefold(), f"{noun.casefold()}s")}
        self._add_words(name, phrase, GENERIC | common, MIN_PART + 1)
        for word in _words(name):
            bare = word.strip(".,;:()'\"").casefold()
            if len(bare) > MIN_PART and bare not in GENERIC | common:
                self.addresses[bare] = phrase

    def _add_words(self, name: str, phrase: str, skipped: frozenset[str], shortest: int) -> None:
        """Each word of ``name`` written with a capital, at least ``shortest`` letters long and not one of
        ``skipped``, as a term matched only with its capital (one already a term is left as it is)."""
        for word in _words(name):
            bare = word.strip(".,;:()'\"")
            if (
                len(bare) >= shortest
                and bare[:1].isupper()
                and bare.casefold() not in skipped
                and not any(t.words == (bare,) for t in self.terms)
            ):
                self.add(bare, phrase, capital=True)

    def _regex(self) -> re.Pattern[str] | None:
        if self._compiled is None and self.terms:
            # Longer terms first: a role holding another role's words goes whole.
            ordered = sorted(self.terms, key=lambda t: (-len(" ".join(t.words)), t.words))
            self._phrases = {}
            alternatives = []
            for index, term in enumerate(ordered):
                group = f"t{index}"
                self._phrases[group] = term.phrase
                alternatives.append(f"(?P<{group}>{_pattern(list(term.words), capital=term.capital)})")
            # The word boundaries outside the alternatives: only a word's start is tried against the terms.
            self._compiled = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
        return self._compiled

    def __call__(self, text: str) -> str:
        """``text`` (in composed form) with every term replaced by its phrase."""
        text = unicodedata.normalize("NFC", text)
        if not text:
            return text

        def address(match: re.Match[str]) -> str:
            found = match.group(0)
            if "@" in found:
                self.removed += 1
                return EMAIL
            folded = found.casefold()
            for word, phrase in self.addresses.items():
                if word in folded:
                    self.removed += 1
                    return phrase
            return found

        # An email address names its person (helen.carter@...) and a web address may name the organisation
        # (www.northbridge.gov.uk) in lower case, where a name's capital is not there to find.
        text = _ADDRESS.sub(address, text)
        regex = self._regex()
        if regex is None:
            return text

        def replace(match: re.Match[str]) -> str:
            self.removed += 1
            return self._phrases[match.lastgroup or ""]

        return regex.sub(replace, text)


def people_redactor(
    assessment: Assessment, *, owners: Iterable[str] = (), name_organisation: bool = False
) -> Redactor:
    """A redactor for every person the assessment names (participants' names and roles, the facilitator and
    consultant, and ``owners``) and, unless ``name_organisation``, the organisation."""
    redactor = Redactor()
    for participant in assessment.participants:
        if participant.name.strip():
            redactor.add_name(participant.name)
        if participant.role.strip():
            redactor.add_details(participant.role, person=False)
    details = assessment.details
    for value in (details.facilitator, details.consultant):
        if value.strip():
            redactor.add_details(value, person=True)
    for owner in owners:
        if owner.strip():
            # An owner is as often a role ("Head of Service Improvement") as a name: its words are not
            # searched for on their own (they would take "Service" and "Head" with them).
            redactor.add_details(owner, person=True, name_first=False)
    if not name_organisation and details.organisation.strip():
        noun = assessment.questionnaire.wording.organisation or "organisation"
        # The questionnaire's word for who is assessed, and the legacy wording's, are as common in an
        # organisation's name as "borough".
        redactor.add_organisation(details.organisation, f"[the {noun}]", (noun, LEGACY_WORDING.organisation))
    return redactor
