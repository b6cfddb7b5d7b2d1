#!/usr/bin/env python3
"""The file types Limber registers: a .limber program file and a .limberlog session log are
known by their MIME types once the shared-mime-info package is installed, and the desktop file
says Limber opens both (so a double click does).

Usage: check-mime.py MIME_XML DESKTOP_FILE EXAMPLE_PROGRAM"""

import os
import shutil
import subprocess
import sys
import tempfile

from tap import check, finish

mime_xml, desktop_file, example = sys.argv[1:4]
expected = {
    "program.limber": "application/x-limber-program",
    "Ann Lee – session log – 2026-11-26.limberlog": "application/x-limber-log",
}

with tempfile.TemporaryDirectory() as tmp:
    packages = os.path.join(tmp, "share", "mime", "packages")
    os.makedirs(packages)
    shutil.copy(mime_xml, os.path.join(packages, "io.github.limber.Limber.xml"))
    run = subprocess.run(["update-mime-database", os.path.join(tmp, "share", "mime")],
                         capture_output=True, text=True)
    check("update-mime-database accepts the package", run.returncode == 0, run.stderr)

    env = dict(os.environ, XDG_DATA_DIRS=os.path.join(tmp, "share") + ":/usr/share",
               XDG_DATA_HOME=os.path.join(tmp, "home"))
    for name, mime_type in expected.items():
        path = os.path.join(tmp, name)
        shutil.copy(example, path)
        info = subprocess.run(["gio", "info", "-a", "standard::content-type", path],
                              capture_output=True, text=True, env=env)
        check(f"{name} is {mime_type}", f"standard::content-type: {mime_type}" in info.stdout,
              info.stdout + info.stderr)

with open(desktop_file, encoding="utf-8") as f:
    lines = dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)
types = lines.get("MimeType", "").split(";")
for mime_type in expected.values():
    check(f"the desktop file opens {mime_type}", mime_type in types, lines.get("MimeType", ""))
check("the desktop file passes files to Limber", "%U" in lines.get("Exec", "") or
      "%F" in lines.get("Exec", ""), lines.get("Exec", ""))

finish()
