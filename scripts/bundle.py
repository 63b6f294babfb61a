"""Pack an offline build (OFFLINE=true mkdocs build) into the downloadable, reproducible zip.

    python scripts/bundle.py SITE_DIR ZIP_PATH

Keeps only what the offline site uses, writes the entries sorted with fixed timestamps and permissions
(SOURCE_DATE_EPOCH, else the last commit's date), and prints the file list and the size.

The entries are deflated with Zopfli, which finds about 5 % smaller deflate streams than zlib; the
standard library's zipfile cannot take data compressed elsewhere, so the few records of the zip format
are written here (PKWARE APPNOTE 4.3: local headers, central directory, end record; no zip64 needed).
"""

from __future__ import annotations

import os
import posixpath
import re
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import zopfli.zlib

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from plansite import material  # noqa: E402 - the hooks folder is not a package on the path

FOLDER = "metaverse-plan"  # the folder the zip unpacks into
UNUSED_OFFLINE = (
    "404.html",  # only a web server shows it
    "sitemap.xml",
    "sitemap.xml.gz",
    "search/search_index.json",  # offline, search reads search/search_index.js
    "assets/images/favicon.png",  # the theme's default; the site has its own favicon
)


def source_date_epoch() -> int:
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True)
        return int(out.stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 315532800  # 1980-01-01, the earliest time a zip can hold


SITE_ENGINE = "assets/javascripts/search-worker.js"


def site_engine(site: Path) -> bool:
    """Whether the build searches with the site's own engine, which needs none of the theme's lunr files and
    not the theme's worker (a build made to compare the theme's search keeps them)."""
    return (site / SITE_ENGINE).is_file()


# The English edition, built into en/ by the same build, with the same engine (or, in a build made to compare
# the theme's search, the theme's).
ENGLISH = "en/"


def files_to_ship(site: Path) -> list[str]:
    engine = {edition: site_engine(site / edition) for edition in ("", ENGLISH)}
    shipped = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        edition = ENGLISH if name.startswith(ENGLISH) else ""
        inner = name[len(edition) :]
        unused_search = (material.LUNR_FOLDER, material.WORKER_FOLDER) if engine[edition] else ()
        if inner in UNUSED_OFFLINE or inner.endswith(".map") or inner.startswith(unused_search):
            continue
        shipped.append(name)
    return shipped


def shared_with_chinese(site: Path, names: list[str]) -> set[str]:
    """The English edition's files that are byte for byte the Chinese edition's at the same path (the theme's
    scripts and styles, the site's stylesheet): the zip keeps one copy, and the English pages use it."""
    shared = set()
    for name in names:
        twin = site / name[len(ENGLISH) :]
        if name.startswith(ENGLISH) and not name.endswith(".html") and twin.is_file():
            if twin.read_bytes() == (site / name).read_bytes():
                shared.add(name)
    return shared


_REFERENCE = re.compile(r'((?:href|src)=")([^"#?:]+)')


def point_at_shared(name: str, page: bytes, shared: set[str]) -> bytes:
    """An English page whose links to shared files lead to the Chinese edition's copy."""
    folder = posixpath.dirname(name)

    def relink(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(folder, match[2]))
        if target not in shared:
            return match[0]
        return match[1] + posixpath.relpath(target[len(ENGLISH) :], folder or ".")

    return _REFERENCE.sub(relink, page.decode("utf-8")).encode("utf-8")


def deflate(data: bytes) -> bytes:
    """Raw deflate, as a zip entry holds it: Zopfli's zlib stream without its 2-byte header and checksum."""
    return zopfli.zlib.compress(data, numiterations=15)[2:-4]


def dos_time(epoch: int) -> tuple[int, int]:
    year, month, day, hour, minute, second = time.gmtime(max(epoch, 315532800))[:6]
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


def write_zip(site: Path, target: Path, epoch: int) -> list[str]:
    names = files_to_ship(site)
    shared = shared_with_chinese(site, names)
    names = [name for name in names if name not in shared]
    clock, date = dos_time(epoch)
    body, directory = bytearray(), bytearray()
    for name in names:
        data = (site / name).read_bytes()
        if shared and name.startswith(ENGLISH) and name.endswith(".html"):
            data = point_at_shared(name, data, shared)
        packed, path = deflate(data), f"{FOLDER}/{name}".encode()
        crc, offset = zlib.crc32(data), len(body)
        fields = (20, 0, 8, clock, date, crc, len(packed), len(data), len(path))
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + path + packed
        made_by, unix_file = (3 << 8) | 20, 0o100644 << 16
        directory += struct.pack("<IH", 0x02014B50, made_by) + struct.pack("<HHHHHIIIH", *fields)
        directory += struct.pack("<HHHHII", 0, 0, 0, 0, unix_file, offset) + path
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(names), len(names), len(directory), len(body), 0)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(bytes(body + directory + end))
    partial.replace(target)  # never leave a half-written zip where the site links to it
    return names


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    site, target = Path(argv[1]), Path(argv[2])
    if not (site / "search" / "search_index.js").is_file():
        print(f"{site} is not an offline build: run OFFLINE=true mkdocs build first", file=sys.stderr)
        return 2
    names = write_zip(site, target, source_date_epoch())
    for name in names:
        print(f"  {FOLDER}/{name}  {(site / name).stat().st_size:>8} B")
    print(f"{target}: {len(names)} files, {target.stat().st_size / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
