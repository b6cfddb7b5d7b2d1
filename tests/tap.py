"""The TAP the Python checks print: one line a check, the detail of a failure as comments."""

import sys

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def skip(name, reason):
    results.append((name, None, reason))


def finish():
    print(f"1..{len(results)}")
    for number, (name, ok, detail) in enumerate(results, 1):
        if ok is None:
            print(f"ok {number} {name} # SKIP {detail}")
            continue
        print(f"{'ok' if ok else 'not ok'} {number} {name}")
        if not ok:
            for line in detail.strip().splitlines():
                print(f"# {line}")
    sys.exit(0 if all(ok is not False for _, ok, _ in results) else 1)
