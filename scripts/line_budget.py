#!/usr/bin/env python3
"""The line budget of the Rust sources (run by .ci/run): no non-test source file over 1,000 lines
and no function over 150. Test code is exempt: `tests/` directories, `tests.rs` files, modules
declared `#[cfg(test)] mod x;` and `#[cfg(test)]` items. Prints each breach; exits 1 if any.

Usage: python3 scripts/line_budget.py   (from the repository root; standard library only)
"""
import os
import re
import sys

MAX_FILE = 1000
MAX_FN = 150
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

# Comments and string/char literal contents, blanked so braces inside them do not count.
TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|(?<!\w)b?r(#*)".*?"\1|(?<!\w)b?"(?:\\.|[^"\\])*"'
                   r"|'(?:\\.[^']*|[^\\'\n])'", re.S)


def blank(text):
    return TOKEN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def closing(code, i):
    """The index of the bracket closing the one at code[i]."""
    depth = 0
    for j in range(i, len(code)):
        if code[j] in "{([":
            depth += 1
        elif code[j] in "})]":
            depth -= 1
            if depth == 0:
                return j
    return len(code) - 1


def without_test_items(code):
    for m in list(re.finditer(r"#\[cfg\(test\)\]", code)):
        if code[m.start()] != "#":
            continue  # inside an item already removed
        k = m.end()
        while k < len(code) and code[k] not in "{;":
            k += 1
        end = closing(code, k) if k < len(code) and code[k] == "{" else k
        code = code[:m.start()] + re.sub(r"[^\n]", " ", code[m.start():end + 1]) + code[end + 1:]
    return code


def sources():
    for crate in sorted(os.listdir(os.path.join(ROOT, "crates"))):
        src = os.path.join(ROOT, "crates", crate, "src")
        test_mods = set()
        files = []
        for dirpath, _, names in os.walk(src):
            for name in sorted(names):
                if name.endswith(".rs"):
                    files.append(os.path.join(dirpath, name))
        for path in files:
            text = blank(open(path, encoding="utf-8").read())
            base = os.path.dirname(path) if os.path.basename(path) in ("mod.rs", "lib.rs") \
                else path[:-3]
            for mod in re.findall(r"#\[cfg\(test\)\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?"
                                  r"mod\s+(\w+)\s*;", text):
                test_mods |= {os.path.join(base, mod + ".rs"), os.path.join(base, mod, "mod.rs")}
        for path in files:
            if path in test_mods or os.path.basename(path) == "tests.rs":
                continue
            yield path


def main():
    breaches = []
    for path in sources():
        raw = open(path, encoding="utf-8").read()
        rel = os.path.relpath(path, ROOT)
        n = raw.count("\n")
        if n > MAX_FILE:
            breaches.append(f"{rel}: {n} lines (budget {MAX_FILE})")
        code = without_test_items(blank(raw))
        for m in re.finditer(r"\bfn\s+(\w+)", code):
            k = m.end()
            while k < len(code) and code[k] not in "{;":
                k += 1
            if k >= len(code) or code[k] != "{":
                continue
            length = code.count("\n", m.start(), closing(code, k)) + 1
            if length > MAX_FN:
                line = code.count("\n", 0, m.start()) + 1
                breaches.append(f"{rel}:{line}: fn {m.group(1)} is {length} lines (budget {MAX_FN})")
    for b in breaches:
        print(b)
    print(f"line budget: {len(breaches)} breach(es)")
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main())
