#!/usr/bin/python3
"""Fails when a string a person reads is missing from the template catalogue: every string of
the exercise library, and every source file that marks strings for translation."""

import json
import pathlib
import re
import subprocess
import sys
import tempfile

TOP = pathlib.Path(sys.argv[1]).resolve()
sys.path.insert(0, str(TOP / "po"))

import importlib.util  # noqa: E402

spec = importlib.util.spec_from_file_location("extract", TOP / "po" / "extract-exercises.py")
extract = importlib.util.module_from_spec(spec)
spec.loader.exec_module(extract)

failures = []

# 1. Every source that marks strings is listed in POTFILES.in.
potfiles = [line.strip() for line in (TOP / "po" / "POTFILES.in").read_text().splitlines()
            if line.strip() and not line.startswith("#")]
marked = re.compile(r'\b(_|N_|C_|NC_|g_dngettext)\s*\(|translatable="yes"')
for path in sorted(list((TOP / "src").rglob("*.c")) + list((TOP / "resources").rglob("*.ui"))):
    relative = path.relative_to(TOP).as_posix()
    if marked.search(path.read_text(encoding="utf-8")) and relative not in potfiles:
        failures.append(f"{relative} marks strings for translation but is not in po/POTFILES.in")
if potfiles != sorted(potfiles):
    failures.append("po/POTFILES.in is not sorted")

# 2. The catalogue, built the way `ninja limber-pot` builds it, holds every library string.
with tempfile.TemporaryDirectory() as tmp:
    pot = pathlib.Path(tmp) / "limber.pot"
    subprocess.run(["xgettext", "--package-name=limber", "--from-code=UTF-8",
                    "--add-comments", "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2",
                    "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
                    f"--directory={TOP}", f"--files-from={TOP / 'po' / 'POTFILES.in'}",
                    f"--output={pot}"], check=True)
    catalogue = pot.read_text(encoding="utf-8")

msgids = set()
for match in re.finditer(r'^msgid ((?:".*"\n)+)', catalogue, re.M):
    parts = re.findall(r'"(.*)"', match.group(1))
    msgids.add(bytes("".join(parts), "utf-8").decode("unicode_escape").encode("latin-1")
               .decode("utf-8"))

count = 0
for text, file, comment in extract.library_strings():
    count += 1
    if text not in msgids:
        failures.append(f"{file}: {comment}: not in the template catalogue: {text!r} "
                        "(run po/extract-exercises.py)")

if count < 100:
    failures.append(f"only {count} library strings found: is data/exercises/ complete?")

for failure in failures:
    print(failure, file=sys.stderr)
print(f"{count} library strings checked, {len(failures)} problems")
sys.exit(1 if failures else 0)
