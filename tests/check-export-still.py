#!/usr/bin/python3
"""`limber --export-still EXERCISE_ID FILE` with no display: PNG and SVG by extension, for every
exercise; an unknown id, an unwritable file or a wrong extension is a clear error and a non-zero
exit. TAP output."""

import json
import os
import pathlib
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from tap import check, finish  # noqa: E402

limber, exercises_dir = sys.argv[1], pathlib.Path(sys.argv[2])
env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}


def run(*args):
    return subprocess.run([limber, "--export-still", *args], env=env, capture_output=True,
                          text=True, timeout=60)



with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)

    ids = sorted(json.loads(p.read_text())["id"] for p in exercises_dir.glob("*.json")
                 if p.name != "guidance.json")
    for exercise in ids:
        out = tmp / f"{exercise}.png"
        proc = run(exercise, str(out))
        ok = proc.returncode == 0 and out.exists()
        detail = proc.stderr
        if ok:
            data = out.read_bytes()
            width, height = struct.unpack(">II", data[16:24])
            ok = data[:8] == b"\x89PNG\r\n\x1a\n" and width >= 640 and height == 480
            detail = f"{width}×{height}"
        check(f"{exercise}: PNG written with no display", ok, detail)

    out = tmp / "bridge.svg"
    proc = run("bridge", str(out))
    text = out.read_text() if out.exists() else ""
    check("bridge: SVG by its extension", proc.returncode == 0 and "<svg" in text[:400]
          and "<path" in text, proc.stderr)

    proc = run("no-such-exercise", str(tmp / "x.png"))
    check("an unknown id fails and names it and the known ones",
          proc.returncode != 0 and "no-such-exercise" in proc.stderr and "bridge" in proc.stderr
          and not (tmp / "x.png").exists(), proc.stderr)

    target = tmp / "missing-folder" / "x.png"
    proc = run("bridge", str(target))
    check("an unwritable file fails and names it",
          proc.returncode != 0 and str(target) in proc.stderr, proc.stderr)

    proc = run("bridge", str(tmp / "x.jpg"))
    check("a file that is neither .png nor .svg fails",
          proc.returncode != 0 and ".png or .svg" in proc.stderr, proc.stderr)

    proc = run("bridge")
    check("a missing file name is a usage error", proc.returncode == 2 and "Usage" in proc.stderr,
          proc.stderr)

finish()
