"""The TAP the Python checks print: one line a check, the detail of a failure as comments."""

import sys

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def finish():
    print(f"1..{len(results)}")
    for number, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} {name}")
        if not ok:
            for line in detail.strip().splitlines():
                print(f"# {line}")
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)
