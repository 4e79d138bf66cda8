#!/usr/bin/env python3
"""Writes the licence notices of everything a release ships: the program's own licence, the
Department for Education data's Open Government Licence attribution, and every crate built into
the program for TARGET, with its licence and the licence texts the crate carries.

Usage: scripts/notices.py TARGET OUT.txt   (e.g. x86_64-pc-windows-gnu dist/NOTICES.txt)

Reads `cargo metadata` (no network: the crates are already fetched by the build) and follows
the program's normal dependencies for TARGET only: build scripts' and tests' crates are not
shipped and are left out.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|copyright|notice|ofl|ufl)", re.IGNORECASE)
OGL = (
    "Contains public sector information licensed under the Open Government Licence v3.0.\n"
    "Source: Department for Education, Children's social work workforce statistics (England).\n"
    "The national default assumptions (turnover, agency cover of vacancies, months to fill a\n"
    "vacancy) are derived from that release.\n"
    "Licence: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\n"
)


def metadata(target):
    out = subprocess.run(
        [
            "cargo", "metadata", "--format-version", "1", "--locked", "--offline",
            "--filter-platform", target,
        ],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out)


def shipped(meta):
    """The packages reachable from the root through normal (not build, not dev) dependencies."""
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = meta["resolve"]["root"]
    seen, todo = set(), [root]
    while todo:
        node = nodes[todo.pop()]
        for dep in node["deps"]:
            normal = any(k["kind"] is None for k in dep["dep_kinds"])
            if normal and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                todo.append(dep["pkg"])
    packages = {p["id"]: p for p in meta["packages"]}
    return sorted((packages[i] for i in seen), key=lambda p: (p["name"], p["version"]))


def licence_texts(package):
    """(relative name, text) of each licence file the crate carries, at most two folders deep."""
    folder = Path(package["manifest_path"]).parent
    found = []
    for path in sorted(folder.rglob("*")):
        depth = len(path.relative_to(folder).parts)
        if depth > 3 or not path.is_file() or not LICENCE_FILE.match(path.name):
            continue
        if path.suffix.lower() not in ("", ".txt", ".md", ".mit", ".apache", ".apache2", ".bsd"):
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            continue
        if text:
            found.append((str(path.relative_to(folder)), text))
    return found


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    target, out = sys.argv[1], Path(sys.argv[2])
    meta = metadata(target)
    root = next(p for p in meta["packages"] if p["id"] == meta["resolve"]["root"])
    packages = shipped(meta)

    lines = [
        f"Caseload Planner {root['version']}: licence notices",
        "",
        f"Caseload Planner is licensed under {root['license']}, at your choice",
        "(LICENSE-MIT and LICENSE-APACHE beside this file).",
        "",
        "DATA",
        "",
        OGL,
        f"CRATES ({len(packages)}, built into the program for {target})",
        "",
    ]
    width = max(len(f"{p['name']} {p['version']}") for p in packages)
    for p in packages:
        licence = p.get("license") or f"see {p.get('license_file') or 'the texts below'}"
        lines.append(f"{p['name'] + ' ' + p['version']:<{width}}  {licence}")
    lines += ["", "LICENCE TEXTS, as each crate carries them", ""]

    first_holder = {}
    for p in packages:
        name = f"{p['name']} {p['version']}"
        lines.append("=" * 78)
        lines.append(f"{name}: {p.get('license') or 'licence file'}")
        if p.get("repository"):
            lines.append(p["repository"])
        texts = licence_texts(p)
        if not texts:
            lines.append(f"(no licence file in the crate: the {p.get('license')} licence applies)")
        for file, text in texts:
            if text in first_holder:
                lines.append(f"{file}: the same text as {first_holder[text]}")
            else:
                first_holder[text] = f"{name} ({file})"
                lines += ["", f"--- {file}", "", text, ""]
        lines.append("")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(packages)} crates, {len(first_holder)} distinct licence texts")


if __name__ == "__main__":
    main()
