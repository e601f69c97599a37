"""Checks the package's typing against the installed wheel: `mypy --strict` reports no error on
python/tests/typing/train_script.py (a user's training script), and reports each error marked
`# expect-error: CODE` in bad_script.py, and nothing else there (so the first check cannot pass
because the stubs were not read). Usage: python scripts/typecheck.py (with mypy installed)."""
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent.parent / "python" / "tests" / "typing"


def mypy(name):
    # Run from the script's folder, so `easy_mindspore` resolves to the installed package (with
    # its py.typed and stubs), never to the source tree.
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", name],
                       cwd=HERE, capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


def main():
    failed = False
    code, out = mypy("train_script.py")
    if code != 0:
        print(f"mypy --strict train_script.py failed:\n{out}")
        failed = True
    else:
        print("mypy --strict train_script.py: no error")
    code, out = mypy("bad_script.py")
    expected = {}
    for i, line in enumerate((HERE / "bad_script.py").read_text().splitlines(), 1):
        m = re.search(r"# expect-error: ([a-z-]+)", line)
        if m:
            expected[i] = m.group(1)
    got = {}
    for m in re.finditer(r"^bad_script\.py:(\d+): error: .*\[([a-z-]+)\]$", out, re.M):
        got.setdefault(int(m.group(1)), set()).add(m.group(2))
    for line, err in sorted(expected.items()):
        if err not in got.get(line, set()):
            print(f"bad_script.py:{line}: mypy did not report [{err}]")
            failed = True
    for line in sorted(set(got) - set(expected)):
        print(f"bad_script.py:{line}: unexpected error {sorted(got[line])}")
        failed = True
    if code == 0 or not expected:
        print("mypy reported no error on bad_script.py")
        failed = True
    if not failed:
        print(f"mypy --strict bad_script.py: the {len(expected)} expected errors, nothing else")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
