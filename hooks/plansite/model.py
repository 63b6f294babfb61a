"""The Plan as an immutable graph: nodes of a few kinds, edges between them, and where each fact comes from."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import ClassVar, TypeVar, cast

from . import ids
from .ids import IdForm
from .interpretation import Interpretation
from .problems import Location
from .reported_facts import FactsFile

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
class HeadingQuote:
    """Words quoted from the question heading of a Q&A section (`q1` = section 一)."""

    heading: str
    quote: str
    origin: Location = field(default=Location(""), compare=False, repr=False)


@dataclass(frozen=True)
class Editorial:
    """The site's own reading, always shown to readers as such."""

    note: str
    origin: Location = field(default=Location(""), compare=False, repr=False)


Source = SentenceQuote | HeadingQuote | FactQuote | Editorial


def is_editorial(sources: Iterable[Source]) -> bool:
    """Whether what these sources back is the site's own reading: an `editorial` source says so, with why."""
    return any(isinstance(source, Editorial) for source in sources)


# --- Nodes --------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Node:
    kind: ClassVar[str]
    key: ClassVar[str]  # the list in data/ and the URL folder: "measures"
    id_form: ClassVar[IdForm]  # how its ids are written: M5, ai

    id: str
    title: str
    summary: str  # always the site's own words, shown as such wherever it appears
    sources: tuple[Source, ...]
    summary_sources: tuple[Source, ...] = ()  # what the summary rests on
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
    id_form = ids.ISSUER


@dataclass(frozen=True, kw_only=True)
class Goal(Node):
    kind = "goal"
    key = "goals"
    id_form = ids.GOAL
    term: str = "near"
    indicators: tuple[SentenceQuote | FactQuote, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Principle(Node):
    kind = "principle"
    key = "principles"
    id_form = ids.PRINCIPLE


@dataclass(frozen=True, kw_only=True)
class Task(Node):
    kind = "task"
    key = "tasks"
    id_form = ids.TASK


@dataclass(frozen=True, kw_only=True)
class Measure(Node):
    kind = "measure"
    key = "measures"
    id_form = ids.MEASURE


@dataclass(frozen=True, kw_only=True)
class Project(Node):
    kind = "project"
    key = "projects"
    id_form = ids.PROJECT


@dataclass(frozen=True, kw_only=True)
class Safeguard(Node):
    kind = "safeguard"
    key = "safeguards"
    id_form = ids.SAFEGUARD


@dataclass(frozen=True, kw_only=True)
class Technology(Node):
    kind = "technology"
    key = "technologies"
    id_form = ids.TECHNOLOGY


@dataclass(frozen=True, kw_only=True)
class Section(Node):
    """A Q&A section of the interpretation; its text is the page docs/interpretation/qN.md."""

    kind = "section"
    key = "sections"
    id_form = ids.SECTION


AnyNode = TypeVar("AnyNode", bound=Node)

# In the order the site presents them.
NODE_TYPES: tuple[type[Node], ...] = (Section, Goal, Principle, Task, Measure, Project, Safeguard, Technology, Issuer)
TYPE_BY_KEY: dict[str, type[Node]] = {t.key: t for t in NODE_TYPES}
TYPE_BY_KIND: dict[str, type[Node]] = {t.kind: t for t in NODE_TYPES}


# --- Edges --------------------------------------------------------------------------------------


class Relation(StrEnum):
    """What an edge states; each relation is also the name of the list of its statements in data/. In the
    order the plan reads and lists them."""

    CONTAINS = "contains"  # a task contains its measures
    SUPPORTS = "supports"  # projects support tasks
    DISCUSSES = "discusses"  # a Q&A section discusses a node
    MENTIONS = "mentions"  # a node mentions a technology


class Role(StrEnum):
    """How a Q&A section discusses a node."""

    LISTS = "lists"  # it only names the node
    EXPLAINS = "explains"


@dataclass(frozen=True)
class Ends:
    """The kinds of node a relation may link: its subjects (`from:`) and its objects (`to:`)."""

    subjects: frozenset[str]
    objects: frozenset[str]


_ALL = frozenset(TYPE_BY_KIND)
ENDS: dict[Relation, Ends] = {
    Relation.CONTAINS: Ends(frozenset({Task.kind}), frozenset({Measure.kind})),
    Relation.SUPPORTS: Ends(frozenset({Project.kind}), frozenset({Task.kind})),
    Relation.DISCUSSES: Ends(frozenset({Section.kind}), _ALL - {Section.kind, Issuer.kind}),
    Relation.MENTIONS: Ends(_ALL - {Technology.kind}, frozenset({Technology.kind})),
}


@dataclass(frozen=True)
class Edge:
    """One statement of a relation; several subjects or objects mean the source states it jointly."""

    relation: Relation
    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    sources: tuple[Source, ...]
    role: Role | None = None  # discusses only
    origin: Location = field(default=Location(""), compare=False, repr=False)

    @property
    def editorial(self) -> bool:
        """Whether the relation is the site's reading of its sources rather than stated by them."""
        return is_editorial(self.sources)

    @property
    def notes(self) -> tuple[str, ...]:
        """Why the site reads its sources this way, when it is the site's reading."""
        return tuple(source.note for source in self.sources if isinstance(source, Editorial))


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

    def of(self, node_type: type[AnyNode]) -> list[AnyNode]:
        """The nodes of one kind (or of several, for a base class), in presentation order."""
        kinds = [kind for kind in self._kinds if issubclass(kind, node_type)]
        if len(kinds) == 1:
            return cast(list[AnyNode], list(self._kinds[kinds[0]]))  # the index holds each kind's own nodes
        return [n for n in self.nodes.values() if isinstance(n, node_type)]

    @cached_property
    def _kinds(self) -> dict[type[Node], list[Node]]:
        index: dict[type[Node], list[Node]] = {}
        for node in self.nodes.values():
            index.setdefault(type(node), []).append(node)
        return index

    @cached_property
    def _out(self) -> dict[tuple[str, Relation], list[Edge]]:
        index: dict[tuple[str, Relation], list[Edge]] = {}
        for edge in self.edges:
            for subject in edge.subjects:
                index.setdefault((subject, edge.relation), []).append(edge)
        return index

    @cached_property
    def _in(self) -> dict[tuple[str, Relation], list[Edge]]:
        index: dict[tuple[str, Relation], list[Edge]] = {}
        for edge in self.edges:
            for obj in edge.objects:
                index.setdefault((obj, edge.relation), []).append(edge)
        return index

    def edges_from(self, node_id: str, relation: Relation) -> list[Edge]:
        return self._out.get((node_id, relation), [])

    def edges_to(self, node_id: str, relation: Relation) -> list[Edge]:
        return self._in.get((node_id, relation), [])

    @cached_property
    def _order(self) -> dict[str, int]:
        return {node_id: index for index, node_id in enumerate(self.nodes)}

    def _in_order(self, node_ids: Iterable[str]) -> list[Node]:
        return [self.nodes[i] for i in sorted(set(node_ids), key=self._order.__getitem__)]

    def targets(self, node_id: str, relation: Relation) -> list[Node]:
        return self._in_order(o for e in self.edges_from(node_id, relation) for o in e.objects)

    def origins(self, node_id: str, relation: Relation) -> list[Node]:
        return self._in_order(s for e in self.edges_to(node_id, relation) for s in e.subjects)

    def parent(self, node: Node) -> Node | None:
        """The task that contains a measure."""
        found = self.origins(node.id, Relation.CONTAINS)
        return found[0] if found else None

    def siblings(self, node: Node) -> list[Node]:
        """The node's own kind in its parent (measures of one task) or, with no parent, all of its kind."""
        parent = self.parent(node)
        return self.targets(parent.id, Relation.CONTAINS) if parent else self.of(type(node))

    def is_explained(self, node: Node) -> bool:
        """Whether some Q&A section discusses the node beyond naming it."""
        return any(e.role == Role.EXPLAINS for e in self.edges_to(node.id, Relation.DISCUSSES))
