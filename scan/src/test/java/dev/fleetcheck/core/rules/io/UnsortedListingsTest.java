package dev.fleetcheck.core.rules.io;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsortedListingsTest {

  @TempDir Path dir;

  @Test
  void unsortedListingsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/walk.py",
                """
                import os, glob
                from pathlib import Path
                def names(d):
                    for name in os.listdir(d):
                        print(name)
                    rows = [p.name for p in Path(d).glob("*.csv")]
                    return glob.glob(d + "/*")
                def walk(d):
                    for root, dirs, files in os.walk(d):
                        yield root
                """)
            .build();

    assertThat(findings(check(new UnsortedListings(), repo)))
        .containsExactly(
            "pkg/walk.py:4: os.listdir(...) is used in file-system order: sort it",
            "pkg/walk.py:6: Path().glob(...) is used in file-system order: sort it",
            "pkg/walk.py:7: glob.glob(...) is used in file-system order: sort it",
            "pkg/walk.py:9: os.walk(...) is used in file-system order: sort it");
  }

  @Test
  void sortedOrderFreeAndMembershipListingsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/walk.py",
                """
                import os
                from pathlib import Path
                def names(d):
                    for name in sorted(os.listdir(d)):
                        print(name)
                    if "x" in os.listdir(d):
                        pass
                    n = len([p for p in Path(d).iterdir()])
                    ok = any(p.suffix == ".py" for p in Path(d).rglob("*"))
                    files = os.listdir(d)
                    files.sort()
                    s = "for f in os.listdir(d)"
                    for root, dirs, fs in os.walk(d):
                        dirs.sort()
                """)
            .build();

    assertNoEvidentViolation(check(new UnsortedListings(), repo));
  }

  @Test
  void loopsThatOnlyDeleteOrSearchByExactNameStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/clean.py",
                """
                import glob, os, shutil
                def cleanup_dead_symlinks(root):
                    for left_dir in root.iterdir():
                        if left_dir.is_symlink():
                            if not left_dir.resolve().exists():
                                left_dir.unlink()
                def clean(root, before):
                    for path in root.glob("garbage-*"):
                        try_cleanup(path, before)
                def clean_directory(directory):
                    for entry in os.listdir(directory):
                        # hidden files stay
                        if entry.startswith('.'):
                            continue
                        path = os.path.join(directory, entry)
                        if os.path.isdir(path):
                            shutil.rmtree(path, True)
                        else:
                            os.unlink(path)
                def chown_tree(path, uid, gid):
                    for root, dirs, files in os.walk(path):
                        for d in dirs:
                            os.chown(os.path.join(root, d), uid, gid)
                def drop(tmp):
                    for filepath in glob.glob(os.path.join(tmp, "x*")):
                        try:
                            os.remove(filepath)
                        except OSError:
                            pass
                    if not filterNone(p for p in glob.glob(os.path.join(tmp, "*")) if p):
                        shutil.rmtree(tmp)
                def find_case_insensitive(dir_path, file_name, case_sensitive):
                    for f in dir_path.iterdir():
                        if f.name == file_name:
                            return f
                        elif not case_sensitive and f.name.lower() == file_name.lower():
                            return f
                    return None
                def has_files(source_root):
                    for path, dirs, files in os.walk(source_root):
                        if files:
                            return True
                    return False
                """)
            .build();

    assertNoEvidentViolation(check(new UnsortedListings(), repo));
  }

  @Test
  void loopsWhoseResultShowsTheOrderStillFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/keys.py",
                """
                import os
                def load(keys_dir, found):
                    for name in os.listdir(keys_dir):
                        os.unlink(name)
                        found.append(name)
                    for name in os.listdir(keys_dir):
                        if name.startswith("ca"):
                            ca_cert = os.path.join(keys_dir, name)
                    for name in os.listdir(keys_dir):
                        if name.startswith("key"):
                            return name
                    return ca_cert
                """)
            .build();

    assertThat(findings(check(new UnsortedListings(), repo)))
        .containsExactly(
            "pkg/keys.py:3: os.listdir(...) is used in file-system order: sort it",
            "pkg/keys.py:6: os.listdir(...) is used in file-system order: sort it",
            "pkg/keys.py:9: os.listdir(...) is used in file-system order: sort it");
  }
}
