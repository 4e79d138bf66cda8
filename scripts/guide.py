#!/usr/bin/env python3
"""Makes the short plain-text guide shipped in the release from the README: its opening, and the
sections a user needs (Windows, the first ten minutes, the command line, the example plans),
without pictures, build notes or the file format's details.

Usage: scripts/guide.py README.md OUT.txt
"""

import re
import sys
import textwrap
from pathlib import Path

SECTIONS = ["On Windows", "Your first ten minutes", "Command line", "Example plans"]
# Parts of those that are for developers, not for the people using the program.
SKIP_SUBSECTIONS = ["Size and start", "Building and checking"]
SKIP_PARAGRAPHS = ["**Developers:**"]


def sections(readme):
    """The title's opening text and each level-2 section, by heading."""
    parts = re.split(r"^## +(.+)$", readme, flags=re.MULTILINE)
    opening, rest = parts[0], parts[1:]
    return opening, {rest[i].strip(): rest[i + 1] for i in range(0, len(rest), 2)}


def without_developer_parts(markdown):
    parts = re.split(r"^(### +.+)$", markdown, flags=re.MULTILINE)
    kept = [parts[0]]
    for heading, body in zip(parts[1::2], parts[2::2]):
        if not any(skip in heading for skip in SKIP_SUBSECTIONS):
            kept += [heading, body]
    paragraphs = "".join(kept).split("\n\n")
    return "\n\n".join(
        p for p in paragraphs if not any(p.lstrip().startswith(s) for s in SKIP_PARAGRAPHS)
    )


def table_row(line):
    """A table row as 'first cell: the others', for reading without a grid."""
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return f"- {cells[0]}: {' '.join(cells[1:])}"


def plain(markdown):
    """Markdown as text a person reads in Notepad: no pictures, links as 'text (address)',
    tables as lists, no emphasis marks, code without its fences."""
    out = []
    in_table = False
    for line in without_developer_parts(markdown).splitlines():
        if re.match(r"^\s*!\[", line) or re.match(r"^\|\s*!\[", line) or line.startswith("*The "):
            continue  # pictures, table rows of pictures, captions
        if line.startswith("```"):
            continue
        if line.startswith("|"):
            if re.match(r"^\|[\s|:-]+\|$", line):
                continue  # a table's rule row
            if not in_table:
                in_table = True  # the header row
                continue
            out.append(table_row(line))
            continue
        in_table = False
        out.append(line.rstrip())
    text = "\n".join(out)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\((https?://[^)]+)\)", r"\1 (\2)", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*([^*\n]+(?:\n[^*\n]+)?)\*(?![\w*])", r"\1", text)
    text = text.replace("`", "").replace("### ", "")
    # Notepad does not wrap: long lines (a table's rows) are wrapped here.
    text = "\n".join(
        textwrap.fill(line, 96, subsequent_indent="  ", break_on_hyphens=False)
        if len(line) > 96
        else line
        for line in text.splitlines()
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    readme = Path(sys.argv[1]).read_text(encoding="utf-8")
    opening, by_heading = sections(readme)
    title = opening.strip().splitlines()[0].lstrip("# ").strip()
    chunks = [f"{title}: guide\n{'=' * (len(title) + 7)}\n", plain(opening.split("\n", 1)[1])]
    for heading in SECTIONS:
        body = next((b for h, b in by_heading.items() if h.startswith(heading)), None)
        if body is None:
            sys.exit(f"guide: README.md has no section '## {heading}'")
        chunks.append(f"{heading}\n{'-' * len(heading)}\n\n{plain(body)}")
    Path(sys.argv[2]).write_text("\n".join(chunks), encoding="utf-8")


if __name__ == "__main__":
    main()
