"""Link preview images (og:image): a 1200×630 PNG per node page, drawn with Pillow from the plan's own text.

Pure code, no MkDocs. `link_images()` says what each image shows, `find_fonts()` finds Noto Sans CJK SC,
`layout()` places the text (its line boxes are what the tests hold inside the margins), `render()` draws the
PNG and `cached_image()` keeps it under a hash of everything that shapes it, so that a warm build only copies.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import PIL

from . import labels as L
from .model import Goal, Issuer, Measure, Node, Plan, Project, Relation, Safeguard, Section, Task
from .pages import description, heading
from .typography import chinese_numeral
from .urls import GROUPED, HOME, page_of

if TYPE_CHECKING:  # for the annotation only: ImageFont itself is imported where it draws
    from PIL.ImageFont import FreeTypeFont

WIDTH, HEIGHT = 1200, 630
DESIGN = 2  # bump whenever the drawing changes: every cached image is then drawn again
IMAGE_DIR = "assets/previews"  # /assets/previews/m5.png
HOME_IMAGE = "home"  # the home page's image, also the one every page without its own shows

# --- What an image says -------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkImageText:
    site: str  # 元宇宙产业创新发展三年行动计划
    heading: str  # M5 加快重点行业工业元宇宙布局
    context: str  # 具体措施 · 属于 T2 培育三维交互的工业元宇宙
    summary: str  # 本站概述（非原文）：…, on one or two lines when there is room, cut with … when longer


@dataclass(frozen=True)
class LinkImage:
    name: str  # the file's name: m5 → assets/previews/m5.png
    text: LinkImageText

    @property
    def path(self) -> str:
        return f"{IMAGE_DIR}/{self.name}.png"

    @property
    def alt(self) -> str:
        return L.LINK_IMAGE_ALT.format(site=self.text.site, heading=self.text.heading, context=self.text.context)


def link_images(plan: Plan, site_name: str) -> dict[str, LinkImage]:
    """docs page → its link preview image: one for every node with a page of its own, and the home page's under HOME."""
    found = {HOME: LinkImage(HOME_IMAGE, _home_text(plan, site_name))}
    for node in plan.nodes.values():
        if not isinstance(node, GROUPED):
            text = LinkImageText(site_name, heading(node), context_line(plan, node), description(node))
            found[page_of(node)] = LinkImage(node.id.lower(), text)
    return found


def context_line(plan: Plan, node: Node) -> str:
    """What the node is and where it belongs: 具体措施 · 属于 T2 培育三维交互的工业元宇宙."""
    parts = [L.KIND[node.kind]]
    if isinstance(node, Measure) and (parent := plan.parent(node)):
        parts.append(L.LINK_IMAGE_PARENT.format(parent=heading(parent)))
    elif isinstance(node, Task) and (children := plan.targets(node.id, Relation.CONTAINS)):
        parts.append(L.LINK_IMAGE_CONTAINS.format(children=_ids(children)))
    elif isinstance(node, Project) and (tasks := plan.targets(node.id, Relation.SUPPORTS)):
        parts.append(L.LINK_IMAGE_SUPPORTS.format(tasks=_ids(tasks)))
    elif isinstance(node, Section) and node.number:
        parts.append(L.section_ordinal(node.number))
    elif isinstance(node, Goal):
        parts.append(L.TERM.get(node.term, ""))
    elif isinstance(node, Safeguard) and node.number:
        parts = [L.numbered(node.kind, node.number)]  # 保障措施一: the kind is already in it
    return L.LINK_IMAGE_SEPARATOR.join(p for p in parts if p)


def _ids(nodes: Iterable[Node]) -> str:
    return L.LINK_IMAGE_LIST.join(n.id.upper() for n in nodes)


def _home_text(plan: Plan, site_name: str) -> LinkImageText:
    issuers = plan.of(Issuer)
    count = {t.key: len(plan.of(t)) for t in (Task, Measure, Project, Safeguard)}
    return LinkImageText(
        site=site_name,
        heading=plan.document.title,
        context=L.LINK_IMAGE_HOME_CONTEXT.format(
            lead=issuers[0].title if issuers else "", count=chinese_numeral(len(issuers))
        ).lstrip("等"),
        summary=L.LINK_IMAGE_HOME_SUMMARY.format(**count),
    )


# --- The font: Noto Sans CJK SC, from Debian's fonts-noto-cjk ----------------------------------------

FONT_DIRS = (
    "/usr/share/fonts/opentype/noto",  # Debian and Ubuntu: fonts-noto-cjk
    "/usr/share/fonts/noto-cjk",  # Arch: noto-fonts-cjk
    "/usr/share/fonts/google-noto-cjk",  # Fedora: google-noto-sans-cjk-fonts
)
FONT_FILES = ("NotoSansCJK-{weight}.ttc", "NotoSansCJKsc-{weight}.otf")
FAMILY = "Noto Sans CJK SC"


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    fingerprint: tuple[tuple[str, int, int], ...]  # path, size, mtime of each file: a new font redraws

    @classmethod
    def of(cls, regular: str, bold: str) -> Fonts:
        def stat(path: str) -> tuple[str, int, int]:
            info = os.stat(path)
            return (path, info.st_size, info.st_mtime_ns)

        return cls(regular, bold, (stat(regular), stat(bold)))


def find_fonts(directories: Iterable[str] = FONT_DIRS, *, ask_fontconfig: bool = True) -> Fonts | None:
    """The regular and bold Noto Sans CJK SC (bold falls back to regular), or None when there is none:
    the known folders first, then fontconfig, whose answer counts only when it is that family (fc-match
    always names some font, and a Latin one would draw every character as a box)."""
    for directory in directories:
        regular = _font_file(directory, "Regular")
        if regular:
            return Fonts.of(regular, _font_file(directory, "Bold") or regular)
    if ask_fontconfig:
        regular = _fontconfig("Regular")
        if regular:
            return Fonts.of(regular, _fontconfig("Bold") or regular)
    return None


def _font_file(directory: str, weight: str) -> str | None:
    for name in FONT_FILES:
        path = os.path.join(directory, name.format(weight=weight))
        if os.path.isfile(path):
            return path
    return None


def _fontconfig(weight: str) -> str | None:
    try:
        answer = subprocess.run(
            ["fc-match", "-f", "%{family}\n%{file}", f"{FAMILY}:style={weight}"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    families, _, path = answer.partition("\n")
    return path if FAMILY in families.split(",") and os.path.isfile(path) else None


@cache
def _face_index(path: str) -> int:
    """Debian's .ttc holds the Japanese, Korean, Simplified and Traditional Chinese faces: pick SC."""
    from PIL import ImageFont

    for index in range(16):
        try:
            face = ImageFont.truetype(path, 12, index=index, layout_engine=ImageFont.Layout.BASIC)
        except OSError:
            break
        if face.getname()[0] == FAMILY:
            return index
    return 0


@cache
def _font(path: str, size: int) -> FreeTypeFont:
    from PIL import ImageFont

    # The basic layout needs no libraqm and draws the same on every machine; CJK needs no shaping.
    return ImageFont.truetype(path, size, index=_face_index(path), layout_engine=ImageFont.Layout.BASIC)


# --- Line breaking: between any two characters, never closing punctuation at a line start -------------

NO_LINE_START = set("，。、；：？！）》」』】〕〉”’…·%‰—～,.;:?!)]}")
NO_LINE_END = set("（《「『【〔〈“‘([{")
ELLIPSIS = "…"
_ATOM = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-_/+#%]*|\s+|.", re.S)  # a Latin word or number stays whole


def _units(text: str) -> list[str]:
    """Pieces a line may break between: a character, or a Latin word, with its punctuation glued on."""
    units: list[str] = []
    opening = ""
    for atom in _ATOM.findall(" ".join(text.split())):
        if atom in NO_LINE_END:
            opening += atom
            continue
        atom, opening = opening + atom, ""
        if units and atom[0] in NO_LINE_START and not units[-1].isspace():
            units[-1] += atom
        else:
            units.append(atom)
    if opening:
        units.append(opening)
    return units


def wrap(text: str, measure: Callable[[str], float], width: float, max_lines: int) -> tuple[list[str], bool]:
    """Greedy lines no wider than `width`, at most `max_lines`; the last ends in … when text was left over.
    Returns the lines and whether the text was cut."""
    units = _units(text)
    lines: list[str] = []
    current = ""
    i = 0
    while i < len(units) and len(lines) < max_lines:
        unit = units[i]
        if not current and unit.isspace():
            i += 1
        elif measure(current + unit) <= width:
            current += unit
            i += 1
        elif current:
            lines.append(current.rstrip())
            current = ""
        else:  # one piece wider than a line (a very long Latin word): cut it where it fills the line
            cut = 1
            while cut < len(unit) and measure(unit[: cut + 1]) <= width:
                cut += 1
            while 1 < cut < len(unit) and unit[cut] in NO_LINE_START:
                cut -= 1
            lines.append(unit[:cut])
            units[i] = unit[cut:]
    if current and len(lines) < max_lines:
        lines.append(current.rstrip())
    cut_off = any(not u.isspace() for u in units[i:])
    if cut_off and lines:
        last = lines[-1]
        while last and (measure(last + ELLIPSIS) > width or last[-1] in NO_LINE_END or last[-1].isspace()):
            last = last[:-1]
        lines[-1] = last + ELLIPSIS
    return lines, cut_off


def balanced(text: str, measure: Callable[[str], float], width: float, max_lines: int) -> tuple[list[str], bool]:
    """`wrap`, then the narrowest width that keeps the same number of lines, so that the lines come out about
    equally long instead of a full line over one lone character."""
    lines, cut = wrap(text, measure, width, max_lines)
    if cut or len(lines) < 2:
        return lines, cut
    narrow, wide = 0.0, float(width)
    for _ in range(10):
        middle = (narrow + wide) / 2
        trial, trial_cut = wrap(text, measure, middle, max_lines)
        if trial_cut or len(trial) > len(lines):
            narrow = middle
        else:
            wide = middle
    return wrap(text, measure, wide, max_lines)


def _heading(
    text: str, measure_at: Callable[[int], Callable[[str], float]], width: float
) -> tuple[int, list[str], bool]:
    """The heading's size and lines: the largest size that holds it all, or one step smaller when that
    saves a line and is still large; the smallest size, cut with …, when nothing holds it."""
    tried = [(size, *balanced(text, measure_at(size), width, most)) for size, most in HEADING_SIZES]
    fitting = [t for t in tried if not t[2]]
    if not fitting:
        return tried[-1]
    best = fitting[0]
    for other in fitting[1:]:
        if other[0] >= SMALLEST_PREFERRED and len(other[1]) < len(best[1]):
            best = other
    return best


# --- Layout and drawing -------------------------------------------------------------------------

MARGIN = 80  # left and right, and the least space above and below the text
BAND = 104  # the red band across the top that carries the site name
RULE = 10  # the red line along the bottom
RED = (198, 40, 40)  # #c62828, the site's primary red (docs/assets/stylesheets/site.css); white on it is 5.6:1
RED_DARK = (183, 28, 28)  # #b71c1c, the accent: 6.6:1 on white
INK = (33, 33, 33)  # 16:1 on white
MUTED = (84, 84, 84)  # 7.5:1 on white
PAPER = (255, 255, 255)
ON_RED = (255, 255, 255)

SITE_SIZE = 34
CONTEXT_SIZE = 30
SUMMARY_SIZE = 30
HEADING_SIZES = ((72, 2), (64, 3), (56, 3), (48, 4))  # font size, most lines: the largest that holds the whole heading
LEADING = 1.35
CONTEXT_GAP = 14  # extra space between the context line and the heading
SMALLEST_PREFERRED = 60  # a heading may shrink to here to save a line
PAD = 56  # the least space between the text and the band above or the rule below


@dataclass(frozen=True)
class Line:
    role: str  # site, context, heading or summary
    text: str
    size: int
    bold: bool
    x: int
    baseline: int
    box: tuple[int, int, int, int]  # where the ink is: left, top, right, bottom

    @property
    def colour(self) -> tuple[int, int, int]:
        return {"site": ON_RED, "context": RED_DARK, "heading": INK, "summary": MUTED}[self.role]


@dataclass(frozen=True)
class Layout:
    lines: tuple[Line, ...]
    heading_cut: bool  # the heading did not fit even at its smallest size and ends in …

    @property
    def text_area(self) -> tuple[int, int, int, int]:
        """Where text may be: inside the side margins, in the band or between it and the bottom rule."""
        return (MARGIN, 0, WIDTH - MARGIN, HEIGHT - RULE)


def layout(text: LinkImageText, fonts: Fonts) -> Layout:
    """Place every line: the site name in the band; below it, centred in the space left, the context, the
    heading as large as it fits, and as much of the summary (two lines at most) as still fits."""
    width = WIDTH - 2 * MARGIN

    def line(role: str, content: str, size: int, bold: bool, baseline: int) -> Line:
        font = _font(fonts.bold if bold else fonts.regular, size)
        # FreeType measures in whole pixels; Pillow's type hints allow fractions, which it never returns here.
        left, top, right, bottom = (int(edge) for edge in font.getbbox(content, anchor="ls"))
        box = (MARGIN + left, baseline + top, MARGIN + right, baseline + bottom)
        return Line(role, content, size, bold, MARGIN, baseline, box)

    def wrapped(content: str, size: int, bold: bool, most: int) -> tuple[list[str], bool]:
        return balanced(content, _font(fonts.bold if bold else fonts.regular, size).getlength, width, most)

    site, _ = wrapped(text.site, SITE_SIZE, True, 1)
    band = [line("site", site[0], SITE_SIZE, True, BAND // 2 + round(SITE_SIZE * 0.36))] if site else []

    # The block below the band, laid out from baseline 0 and then moved to the middle of the space.
    block: list[Line] = []
    y = 0
    context, _ = wrapped(text.context, CONTEXT_SIZE, False, 1)
    if context:
        block.append(line("context", context[0], CONTEXT_SIZE, False, y))
    size, heading_lines, cut = _heading(text.heading, lambda size: _font(fonts.bold, size).getlength, width)
    y += round(size * 1.2) + CONTEXT_GAP if context else 0
    for index, content in enumerate(heading_lines):
        block.append(line("heading", content, size, True, y + index * round(size * LEADING)))
    y += (len(heading_lines) - 1) * round(size * LEADING)

    space = (BAND + PAD, HEIGHT - RULE - PAD)
    for most in (2, 1, 0):
        summary, _ = wrapped(text.summary, SUMMARY_SIZE, False, most) if most else ([], False)
        start = y + round(SUMMARY_SIZE * 2.3)
        lines = block + [
            line("summary", content, SUMMARY_SIZE, False, start + index * round(SUMMARY_SIZE * 1.6))
            for index, content in enumerate(summary)
        ]
        top, bottom = min((b.box[1] for b in lines), default=0), max((b.box[3] for b in lines), default=0)
        if bottom - top <= space[1] - space[0] or not most:
            break
    shift = space[0] + (space[1] - space[0] - (bottom - top)) // 2 - top
    placed = [line(b.role, b.text, b.size, b.bold, b.baseline + shift) for b in lines]
    return Layout(tuple(band + placed), cut)


def _ramp(start: tuple[int, int, int], end: tuple[int, int, int], steps: int = 16) -> list[int]:
    return [round(a + (b - a) * k / (steps - 1)) for k in range(steps) for a, b in zip(start, end, strict=True)]


# Every colour the card can hold: each text colour shaded into its background, 16 steps for the anti-aliasing.
PALETTE = _ramp(PAPER, INK) + _ramp(PAPER, MUTED) + _ramp(PAPER, RED_DARK) + _ramp(RED, ON_RED)


def render(text: LinkImageText, fonts: Fonts) -> bytes:
    """The PNG: 64 fixed colours (a third of the bytes of RGB, drawn faster), no metadata chunks (no time, no
    text), so one input always gives the same bytes."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, BAND - 1), fill=RED)
    draw.rectangle((0, HEIGHT - RULE, WIDTH, HEIGHT), fill=RED)
    for line in layout(text, fonts).lines:
        font = _font(fonts.bold if line.bold else fonts.regular, line.size)
        draw.text((line.x, line.baseline), line.text, font=font, fill=line.colour, anchor="ls")
    palette = Image.new("P", (1, 1))
    palette.putpalette(PALETTE)
    out = io.BytesIO()
    image.quantize(palette=palette, dither=Image.Dither.NONE).save(out, format="PNG", compress_level=6)
    return out.getvalue()


# --- The cache: a warm build copies, it never draws -----------------------------------------------


def cache_key(text: LinkImageText, fonts: Fonts) -> str:
    """A hash of everything that shapes the picture: the text, the design, the font files and Pillow."""
    inputs = {
        "text": asdict(text),
        "design": DESIGN,
        "size": [WIDTH, HEIGHT],
        "fonts": fonts.fingerprint,
        "pillow": PIL.__version__,
    }
    return hashlib.sha256(json.dumps(inputs, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:32]


def cached_image(text: LinkImageText, fonts: Fonts, cache_dir: Path) -> Path:
    """The PNG's file in `cache_dir`, drawn first if no earlier build left it there."""
    path = cache_dir / f"{cache_key(text, fonts)}.png"
    if not path.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        data = render(text, fonts)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)  # whole or not at all, also when two builds share the cache
    return path


def cached_images(found: Iterable[LinkImage], fonts: Fonts, cache_dir: Path) -> dict[str, Path]:
    """Every link preview image's cached file by its name."""
    return {p.name: cached_image(p.text, fonts, cache_dir) for p in found}
