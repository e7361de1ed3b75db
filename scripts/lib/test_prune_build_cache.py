"""The build-cache pruning keeps what the next build needs and drops only stale workspace builds."""

import os
import tempfile
import time
import unittest
from pathlib import Path

import prune_build_cache as prune


class ThinWorkspaceArtifacts(unittest.TestCase):
    def test_keeps_the_newest_builds_of_the_workspace_and_every_third_party_artifact(self):
        with tempfile.TemporaryDirectory() as tmp:
            root, target = Path(tmp, "clone"), Path(tmp, "target")
            (root / "server" / "tests").mkdir(parents=True)
            (root / "server" / "tests" / "money.rs").write_text("")
            deps, fingerprints = target / "debug" / "deps", target / "debug" / ".fingerprint"
            deps.mkdir(parents=True)
            fingerprints.mkdir()
            now = time.time()
            app_builds = [f"{i:016x}" for i in range(5)]
            for age, build in enumerate(reversed(app_builds)):
                for name in (f"libapp-{build}.rlib", f"money-{build}", f"money-{build}.d"):
                    (deps / name).write_text("x")
                    os.utime(deps / name, (now - age * 60, now - age * 60))
                (fingerprints / f"app-{build}").mkdir()
            old_syn = "abcdefabcdefabcd"
            (deps / f"libsyn-{old_syn}.rlib").write_text("x")
            os.utime(deps / f"libsyn-{old_syn}.rlib", (now - 9000, now - 9000))

            prune.thin_workspace_artifacts(target / "debug", prune.workspace_names(root))

            kept = {p.name for p in deps.iterdir()}
            newest, stale = app_builds[2:], app_builds[:2]
            for build in newest:
                self.assertIn(f"libapp-{build}.rlib", kept)
                self.assertIn(f"money-{build}", kept)
                self.assertTrue((fingerprints / f"app-{build}").is_dir())
            for build in stale:
                self.assertNotIn(f"libapp-{build}.rlib", kept)
                self.assertNotIn(f"money-{build}.d", kept)
                self.assertFalse((fingerprints / f"app-{build}").exists())
            self.assertIn(f"libsyn-{old_syn}.rlib", kept)


if __name__ == "__main__":
    unittest.main()
