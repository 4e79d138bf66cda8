#!/usr/bin/env python3
"""Makes the short plain-text guide shipped in the release from the README: its opening, and the
sections a user needs (Windows, the first ten minutes, the command line, the example plans),
without pictures, build notes or the file format's details.

Usage: scripts/guide.py README.md OUT.txt
"""

import re
import sys
from pathlib import Path

SECTIONS = ["On Windows", "Your first ten minutes", "Command line", "Example plans"]


def sections(readme):
    """The title's opening text and each level-2 section, by heading."""
    parts = re.split(r"^## +(.+)$", readme, flags=re.MULTILINE)
    opening, rest = parts[0], parts[1:]
    return opening, {rest[i].strip(): rest[i + 1] for i in range(0, len(rest), 2)}


def plain(markdown):
    """Markdown as text a person reads in Notepad: no images, links as 'text (address)'."""
    out = []
    for line in markdown.splitlines():
        if re.match(r"^\s*!\[", line) or re.match(r"^\|\s*!\[", line):
            continue  # pictures, and table rows of pictures
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
        line = re.sub(r"\[([^\]]+)\]\((https?://[^)]+)\)", r"\1 (\2)", line)
        line = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", line)
        line = re.sub(r"\*\*([^*]+)\*\*", r"\1", line)
        line = re.sub(r"(?<![\w*])\*([^*]+)\*(?![\w*])", r"\1", line)
        line = line.replace("`", "")
        if line.startswith("```"):
            continue
        if re.match(r"^\|[\s|:-]+\|$", line):
            continue  # a table's rule row
        out.append(line.rstrip())
    text = "\n".join(out)
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
