"""Fails unless a wheel unpacks to at most LIMIT megabytes (10^6 bytes).

Usage: python scripts/wheel_size.py WHEEL LIMIT_MB"""
import sys
import zipfile


def main(path: str, limit_mb: float) -> int:
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    biggest = max(infos, key=lambda i: i.file_size)
    print(f"{path}: {packed / 1e6:.1f} MB packed, {unpacked / 1e6:.1f} MB unpacked "
          f"(largest {biggest.filename}, {biggest.file_size / 1e6:.1f} MB); limit {limit_mb} MB")
    if unpacked > limit_mb * 1e6:
        print(f"the wheel unpacks to more than {limit_mb} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], float(sys.argv[2])))
