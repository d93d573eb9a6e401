"""The README section a build script writes (dictionaries/README.md):
scripts/build_language_dictionaries.py and scripts/build_thesauri.py each
own the text between their two markers and keep the rest of the file.
No third-party imports, so that neither script needs more than it did."""

from pathlib import Path


def write_readme_section(path: Path, section: str, begin: str, end: str) -> None:
    """Puts `section` (which starts with `begin` and ends with `end`) into
    the README at `path` in place of the text between those markers, or at
    its end when it has none; the rest of the README is kept."""
    old = path.read_text(encoding="utf-8") if path.is_file() else "# textmend dictionaries\n"
    if begin in old and end in old:
        head = old[:old.index(begin)]
        tail = old[old.index(end) + len(end):].lstrip("\n")
    else:
        head, tail = old, ""
    text = head.rstrip("\n") + "\n\n" + section + (("\n" + tail) if tail else "")
    path.write_bytes(text.encode("utf-8"))
