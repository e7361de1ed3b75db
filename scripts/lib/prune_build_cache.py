#!/usr/bin/env python3
"""Keeps the shared build cache (CARGO_TARGET_DIR) from filling the disk.

Every clone of the project builds into the same cache, and each clone path and each commit leaves
its own copies of the workspace's artifacts (a debug `app` library weighs 600 MB, an integration
test binary 80-330 MB); cargo never removes them, and once they filled this machine's disk in the
middle of `make test`. Third-party artifacts are shared and stable, so only the workspace's are
thinned: per artifact name and directory the newest builds are kept. When the disk is still short
of room, anything not read for two days goes too. All of it is cache: whatever is removed and
needed again is rebuilt.

Usage: prune_build_cache.py TARGET_DIR WORKSPACE_ROOT
"""

import os
import re
import shutil
import sys
import time
from pathlib import Path

KEEP_BUILDS_PER_NAME = 3
INCREMENTAL_MAX_AGE_S = 2 * 24 * 3600
UNREAD_MAX_AGE_S = 2 * 24 * 3600
MIN_FREE_BYTES = 20 * 1024**3

ARTIFACT = re.compile(r"^(?:lib)?([A-Za-z0-9_]+)-([0-9a-f]{16})(?:\..+)?$")


def workspace_names(root: Path) -> set[str]:
    """Crate and test-target names the workspace builds (the ones that change with every edit)."""
    names = {"app", "server", "frontend", "bulq"}
    for tests in root.glob("*/tests"):
        for entry in tests.iterdir():
            if entry.suffix == ".rs":
                names.add(entry.stem)
            elif (entry / "main.rs").is_file():
                names.add(entry.name)
    return {n.replace("-", "_") for n in names}


def remove(path: Path) -> int:
    try:
        size = tree_size(path)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        return size
    except OSError:
        return 0


def tree_size(path: Path) -> int:
    if path.is_symlink() or not path.is_dir():
        try:
            return path.lstat().st_size
        except OSError:
            return 0
    return sum(tree_size(child) for child in path.iterdir())


def profile_dirs(target: Path):
    """Every directory that holds `deps` (debug, release, front/wasm32-unknown-unknown/debug, ...)."""
    for deps in target.glob("**/deps"):
        if len(deps.relative_to(target).parts) <= 4 and deps.is_dir():
            yield deps.parent


def thin_workspace_artifacts(profile: Path, names: set[str]) -> int:
    deps = profile / "deps"
    builds: dict[str, dict[str, float]] = {}
    for entry in deps.iterdir():
        match = ARTIFACT.match(entry.name)
        if not match or match.group(1) not in names:
            continue
        name, build = match.groups()
        newest = builds.setdefault(name, {})
        newest[build] = max(newest.get(build, 0.0), entry.lstat().st_mtime)
    stale = {
        build
        for per_name in builds.values()
        for build in sorted(per_name, key=per_name.get, reverse=True)[KEEP_BUILDS_PER_NAME:]
    }
    freed = 0
    if not stale:
        return 0
    for entry in deps.iterdir():
        match = ARTIFACT.match(entry.name)
        if match and match.group(2) in stale:
            freed += remove(entry)
    for entry in (profile / ".fingerprint").glob("*"):
        match = ARTIFACT.match(entry.name)
        if match and match.group(2) in stale:
            freed += remove(entry)
    return freed


def drop_old_incremental(profile: Path, now: float) -> int:
    freed = 0
    for entry in (profile / "incremental").glob("*"):
        if now - entry.lstat().st_mtime > INCREMENTAL_MAX_AGE_S:
            freed += remove(entry)
    return freed


def drop_unread(profile: Path, now: float) -> int:
    freed = 0
    for sub in ("deps", "build", ".fingerprint", "incremental"):
        for entry in (profile / sub).glob("*"):
            stat = entry.lstat()
            if now - max(stat.st_atime, stat.st_mtime) > UNREAD_MAX_AGE_S:
                freed += remove(entry)
    return freed


def main() -> None:
    target, root = Path(sys.argv[1]), Path(sys.argv[2])
    if not target.is_dir():
        return
    names = workspace_names(root)
    now = time.time()
    profiles = list(profile_dirs(target))
    freed = sum(thin_workspace_artifacts(p, names) + drop_old_incremental(p, now) for p in profiles)
    if shutil.disk_usage(target).free < MIN_FREE_BYTES:
        freed += sum(drop_unread(p, now) for p in profiles)
    if freed:
        free_gb = shutil.disk_usage(target).free / 1024**3
        print(f"build cache: freed {freed / 1024**3:.1f} GB of stale artifacts ({free_gb:.0f} GB free)")
    if shutil.disk_usage(target).free < MIN_FREE_BYTES // 4:
        print(
            f"build cache: the disk is nearly full even after pruning; `rm -rf {target}` frees"
            " everything (the next build rebuilds it)",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
