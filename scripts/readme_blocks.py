"""Runs every ```python block of README.md, as written, each in a fresh temporary directory with
the installed package (the interpreter running this script), and fails if one raises.

A block preceded by the line `<!-- readme-blocks: msrun N -->` is a multi-process program: it runs
under the package's `msrun --worker_num=N --local_worker_num=N` launcher (skipped, and said so,
when Open MPI's mpirun is missing). Usage: python scripts/readme_blocks.py [README.md] [-v]"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)
MSRUN = re.compile(r"<!-- readme-blocks: msrun (\d+) -->\s*$")


def blocks(text):
    """(line number, code, processes) of each ```python block."""
    for m in FENCE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        before = text[:m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        n = MSRUN.match(before)
        yield line, m.group(1), int(n.group(1)) if n else 1


def run(code, procs, timeout=600):
    with tempfile.TemporaryDirectory(prefix="readme_block_") as d:
        path = pathlib.Path(d) / "block.py"
        path.write_text(code)
        env = dict(os.environ, MPLBACKEND="Agg")
        if procs == 1:
            cmd = [sys.executable, str(path)]
        else:
            msrun = pathlib.Path(sys.executable).parent / "msrun"
            cmd = [str(msrun), f"--worker_num={procs}", f"--local_worker_num={procs}", str(path)]
        r = subprocess.run(cmd, cwd=d, env=env, capture_output=True, text=True, timeout=timeout)
        left = sorted(p.name for p in pathlib.Path(d).iterdir() if p.name != "block.py")
        return r.returncode, r.stdout, r.stderr, left


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    readme = pathlib.Path(args[0]) if args else pathlib.Path(__file__).resolve().parent.parent / "README.md"
    found = list(blocks(readme.read_text()))
    if not found:
        print(f"{readme}: no ```python block")
        return 1
    failed = ran = 0
    for line, code, procs in found:
        if procs > 1 and shutil.which("mpirun") is None:
            print(f"README.md:{line}: skipped ({procs} processes need Open MPI's mpirun)")
            continue
        code_rc, out, err, left = run(code, procs)
        ran += 1
        status = "ok" if code_rc == 0 else f"FAILED (exit {code_rc})"
        print(f"README.md:{line}: {status}" + (f" ({procs} processes)" if procs > 1 else ""))
        if verbose or code_rc != 0:
            print(out.rstrip())
        if code_rc != 0:
            print(err.rstrip()[-4000:])
            failed += 1
    print(f"{ran - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
