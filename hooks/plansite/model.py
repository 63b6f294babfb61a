"""The Plan as an immutable graph: nodes of a few kinds, edges between them, and where each fact comes from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from .facts import FactsFile
from .interpretation import Interpretation
from .problems import Location

# --- Sources: every node and every edge says where it comes from ---------------------------------


@dataclass(frozen=True)
class SentenceQuote:
    """Words quoted from one sentence of the interpretation."""

    sentence: str
    quote: str
    origin: Location = field(default=Location(""), compare=False, repr=False)


@dataclass(frozen=True)
class FactQuote:
    """Words quoted from a section of the reported facts, optionally naming the report."""

    facts: str
    quote: str
    report: str | None = None
    origin: Location = field(default=Location(""), compare=False, repr=False)


@dataclass(frozen=True)
class Editorial:
    """The site's own reading, always shown to readers as such."""

    note: str
    origin: Location = field(default=Location(""), compare=False, repr=False)


Source = SentenceQuote | FactQuote | Editorial


# --- Nodes --------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Node:
    kind: ClassVar[str]
    key: ClassVar[str]  # the list in data/ and the URL folder: "measures"
    prefix: ClassVar[str] = ""  # numbered kinds: the id is prefix + number ("M" + 5)

    id: str
    title: str
    summary: str
    sources: tuple[Source, ...]
    aliases: tuple[str, ...] = ()
    number: int | None = None
    origin: Location = field(default=Location(""), compare=False, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """The exact words by which the texts name this node."""
        return (self.title, *self.aliases)


@dataclass(frozen=True, kw_only=True)
class Issuer(Node):
    kind = "issuer"
    key = "issuers"


@dataclass(frozen=True, kw_only=True)
class Goal(Node):
    kind = "goal"
    key = "goals"
    prefix = "G"
    term: str = "near"
    indicators: tuple[SentenceQuote | FactQuote, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Principle(Node):
    kind = "principle"
    key = "principles"
    prefix = "PR"


@dataclass(frozen=True, kw_only=True)
class Task(Node):
    kind = "task"
    key = "tasks"
    prefix = "T"


@dataclass(frozen=True, kw_only=True)
class Measure(Node):
    kind = "measure"
    key = "measures"
    prefix = "M"


@dataclass(frozen=True, kw_only=True)
class Project(Node):
    kind = "project"
    key = "projects"
    prefix = "P"


@dataclass(frozen=True, kw_only=True)
class Safeguard(Node):
    kind = "safeguard"
    key = "safeguards"
    prefix = "S"


@dataclass(frozen=True, kw_only=True)
class Technology(Node):
    kind = "technology"
    key = "technologies"


@dataclass(frozen=True, kw_only=True)
class Section(Node):
    """A Q&A section of the interpretation; its text is the page docs/interpretation/qN.md."""

    kind = "section"
    key = "sections"
    prefix = "Q"


# In the order the site presents them.
NODE_TYPES: tuple[type[Node], ...] = (Section, Goal, Principle, Task, Measure, Project, Safeguard, Technology, Issuer)
TYPE_BY_KEY: dict[str, type[Node]] = {t.key: t for t in NODE_TYPES}
TYPE_BY_KIND: dict[str, type[Node]] = {t.kind: t for t in NODE_TYPES}


# --- Edges --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    name: str
    subject_kinds: frozenset[str]
    object_kinds: frozenset[str]


_ALL = frozenset(TYPE_BY_KIND)
RELATIONS: dict[str, Relation] = {
    r.name: r
    for r in (
        Relation("contains", frozenset({"task"}), frozenset({"measure"})),
        Relation("supports", frozenset({"project"}), frozenset({"task"})),
        Relation("discusses", frozenset({"section"}), _ALL - {"section", "issuer"}),
        Relation("mentions", _ALL - {"technology"}, frozenset({"technology"})),
    )
}


@dataclass(frozen=True)
class Edge:
    """One statement of a relation; several subjects or objects mean the source states it jointly."""

    relation: str
    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    sources: tuple[Source, ...]
    role: str | None = None  # discusses: "lists" (only names it) or "explains"
    note: str | None = None  # an editorial remark on how the source is read
    origin: Location = field(default=Location(""), compare=False, repr=False)


# --- The whole plan -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    title: str
    short_title: str
    announced: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Plan:
    document: Document
    nodes: Mapping[str, Node]  # id → node, in presentation order
    edges: tuple[Edge, ...]
    interpretation: Interpretation
    facts: FactsFile

    def of(self, node_type: type[Node]) -> list[Node]:
        """The nodes of one kind (or of several, for a base class), in presentation order."""
        kinds = [kind for kind in self._kinds if issubclass(kind, node_type)]
        if len(kinds) == 1:
            return list(self._kinds[kinds[0]])
        return [n for n in self.nodes.values() if isinstance(n, node_type)]

    @cached_property
    def _kinds(self) -> dict[type[Node], list[Node]]:
        index: dict[type[Node], list[Node]] = {}
        for node in self.nodes.values():
            index.setdefault(type(node), []).append(node)
        return index

    @cached_property
    def _out(self) -> dict[tuple[str, str], list[Edge]]:
        index: dict[tuple[str, str], list[Edge]] = {}
        for edge in self.edges:
            for subject in edge.subjects:
                index.setdefault((subject, edge.relation), []).append(edge)
        return index

    @cached_property
    def _in(self) -> dict[tuple[str, str], list[Edge]]:
        index: dict[tuple[str, str], list[Edge]] = {}
        for edge in self.edges:
            for obj in edge.objects:
                index.setdefault((obj, edge.relation), []).append(edge)
        return index

    def edges_from(self, node_id: str, relation: str) -> list[Edge]:
        return self._out.get((node_id, relation), [])

    def edges_to(self, node_id: str, relation: str) -> list[Edge]:
        return self._in.get((node_id, relation), [])

    @cached_property
    def _order(self) -> dict[str, int]:
        return {node_id: index for index, node_id in enumerate(self.nodes)}

    def _in_order(self, ids) -> list[Node]:
        return [self.nodes[i] for i in sorted(set(ids), key=self._order.__getitem__)]

    def targets(self, node_id: str, relation: str) -> list[Node]:
        return self._in_order(o for e in self.edges_from(node_id, relation) for o in e.objects)

    def origins(self, node_id: str, relation: str) -> list[Node]:
        return self._in_order(s for e in self.edges_to(node_id, relation) for s in e.subjects)

    def parent(self, node: Node) -> Node | None:
        """The task that contains a measure."""
        found = self.origins(node.id, "contains")
        return found[0] if found else None

    def siblings(self, node: Node) -> list[Node]:
        """The node's own kind in its parent (measures of one task) or, with no parent, all of its kind."""
        parent = self.parent(node)
        return self.targets(parent.id, "contains") if parent else self.of(type(node))

    def is_explained(self, node: Node) -> bool:
        """Whether some Q&A section discusses the node beyond naming it."""
        return any(e.role == "explains" for e in self.edges_to(node.id, "discusses"))
