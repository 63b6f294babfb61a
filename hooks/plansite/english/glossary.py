"""The glossary (data/en/glossary.yaml): the one English rendering of each recurring Chinese term, and the
check that every translation uses it wherever the Chinese has the term."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from ..problems import Location, Problem
from ..yamlsource import YamlDocument


class Translated(Protocol):
    """A Chinese text and its English: a sentence, a title, a summary."""

    @property
    def zh(self) -> str: ...
    @property
    def en(self) -> str: ...
    @property
    def origin(self) -> Location: ...


@dataclass(frozen=True)
class Term:
    zh: str
    en: str  # as the glossary page shows it
    forms: tuple[str, ...]  # an English text rendering `zh` contains one of these, letter case ignored
    note: str
    origin: Location

    def rendered_in(self, english: str) -> bool:
        folded = english.casefold()
        return any(form.casefold() in folded for form in self.forms)


def read_glossary(document: YamlDocument, problems: list[Problem]) -> tuple[Term, ...]:
    raw = document.data.get("terms")
    if not isinstance(raw, list):
        problems.append(
            Problem(document.where(("terms",)), "没有 `terms:` 列表", "写出 `terms:`，每个术语一项：zh、en、forms")
        )
        return ()
    terms: list[Term] = []
    seen: dict[str, Location] = {}
    for index, item in enumerate(raw):
        where = document.where(("terms", index))
        if not isinstance(item, dict):
            problems.append(
                Problem(where, "术语应当写成 zh、en、forms 几行", "例如 `- zh: 元宇宙` 下一行 `  en: metaverse`")
            )
            continue
        zh, en, forms, note = item.get("zh"), item.get("en"), item.get("forms"), item.get("note", "")
        if not isinstance(forms, list) or not forms:
            forms = [en]  # the shown rendering is the one accepted form
        good = isinstance(zh, str) and zh and isinstance(en, str) and en and isinstance(note, str)
        if not good or not all(isinstance(f, str) and f.strip() for f in forms):
            problems.append(
                Problem(
                    where,
                    "术语缺少中文（zh）或英文（en），或 forms 里有空的写法",
                    "每个术语写出 zh（中文术语）、en（英文译法），可选 forms（译文里可接受的写法列表）和 note",
                )
            )
            continue
        assert isinstance(zh, str) and isinstance(en, str) and isinstance(note, str)
        if zh in seen:
            problems.append(
                Problem(where, f"术语“{zh}”重复（{seen[zh]} 已经有了）", "只保留一条，把两处的写法合并到 forms")
            )
            continue
        seen[zh] = where
        terms.append(Term(zh, en, tuple(forms), note, where))
    return tuple(terms)


def check_glossary(terms: Iterable[Term], texts: Iterable[Translated]) -> list[Problem]:
    """Every text whose Chinese has a glossary term renders it as the glossary says."""
    problems = []
    terms = list(terms)
    for text in texts:
        for term in terms:
            if term.zh in text.zh and not term.rendered_in(text.en):
                allowed = "、".join(f"“{form}”" for form in term.forms)
                problems.append(
                    Problem(
                        text.origin,
                        f"中文含有“{term.zh}”，译文没有按词表译出",
                        f"词表（{term.origin}）规定译作 {allowed}；改译文，或在词表的 forms 里加上这种写法",
                    )
                )
    return problems


def occurrences(term: Term, texts: Iterable[tuple[str, str]]) -> list[str]:
    """The keys of the (key, Chinese) texts that contain the term, in the order given."""
    return [key for key, zh in texts if term.zh in zh]
