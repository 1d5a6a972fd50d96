package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsafeInputSinksTest {

  @TempDir Path dir;
  private final UnsafeInputSinks rule = new UnsafeInputSinks();

  @Test
  void sinksImportedUnderOtherNamesAreStillFound() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "svc/jobs.py",
                """
                from subprocess import run as sh
                from pickle import loads as unpickle

                def run(name, sock):
                    sh("convert " + name, shell=True)
                    return unpickle(sock.recv(1024))
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "svc/jobs.py:5: shell command built at run time: sh(\"convert \" + name, shell=True)",
            "svc/jobs.py:6: untrusted data deserialised: unpickle(sock.recv(1024))");
  }

  @Test
  void builtShellCommandsUnfilteredTarsUnsafeYamlPickleAndEvalFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "svc/jobs.py",
                """
                import os
                import pickle
                import subprocess as sp
                import sys
                import tarfile
                import argparse
                import requests
                from yaml import load, Loader

                def run(name, path):
                    sp.run(
                        f"convert {name} out.png",
                        shell=True,
                    )
                    os.system("rm -rf " + path)
                    with tarfile.open(path) as tar:
                        tar.extractall("out")
                    config = load(open(path))
                    other = load(open(path), Loader=Loader)
                    state = pickle.loads(requests.get(path, timeout=3).content)
                    parser = argparse.ArgumentParser()
                    args = parser.parse_args()
                    return eval(args.expression)
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "svc/jobs.py:11: shell command built at run time: sp.run(f\"convert {name} out.png\","
                + " shell=True)",
            "svc/jobs.py:15: shell command built at run time: os.system(\"rm -rf \" + path)",
            "svc/jobs.py:17: tar extraction without a filter: tar.extractall() (pass"
                + " filter=\"data\")",
            "svc/jobs.py:18: YAML loaded without a safe loader: load(...)",
            "svc/jobs.py:19: YAML loaded with the unsafe Loader: load(...)",
            "svc/jobs.py:20: untrusted data deserialised: pickle.loads(requests.get(path,"
                + " timeout=3).content)",
            "svc/jobs.py:23: input executed as code: eval(args.expression)");
  }

  @Test
  void safeFormsCommentsStringsTestsAndExamplesStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "svc/safe.py",
                """
                import os
                import pickle
                import subprocess
                import tarfile
                import yaml

                CLEAN = "make clean"
                # subprocess.run(f"rm {x}", shell=True)
                NOTE = "never call os.system(cmd) or yaml.load(data)"

                def run(path, cache):
                    subprocess.run(["convert", path], check=True)
                    subprocess.run(CLEAN, shell=True)
                    subprocess.run("ls -l", shell=True)
                    os.system("make")
                    with tarfile.open(path) as tar:
                        tar.extractall("out", filter="data")
                    yaml.load(open(path), Loader=yaml.SafeLoader)
                    yaml.safe_load(open(path))
                    pickle.loads(cache.read())
                    eval("1 + 2")
                """)
            .file("tests/test_jobs.py", "import os\nos.system('rm ' + x)\n")
            .file("examples/demo.py", "import yaml\nyaml.load(open('x'))\n")
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }

  @Test
  void aFullyTrustedFilterAndUnsafeLoadFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "svc/x.py",
                """
                import tarfile
                import yaml
                tarfile.open("a.tar").extractall(filter="fully_trusted")
                data = yaml.unsafe_load(open("c.yaml"))
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "svc/x.py:3: tar extraction trusts the archive: filter=\"fully_trusted\"",
            "svc/x.py:4: unsafe YAML loading: yaml.unsafe_load(...)");
  }

  @Test
  void aLocalLoaderNameIsACustomLoaderWhileYamlsOwnLoaderStillFails() {
    // mkdocs: the loader comes from the caller or get_yaml_loader() (a SafeLoader subclass).
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "svc/utils.py",
                """
                import yaml
                from yaml import Loader as YamlLoader, UnsafeLoader

                def yaml_load(source, loader=None):
                    Loader = loader or get_yaml_loader()
                    return yaml.load(source, Loader=Loader)

                def unsafe(source):
                    first = yaml.load(source, Loader=yaml.Loader)
                    return first, yaml.load(source, YamlLoader)

                def unsafer(source):
                    return yaml.load(source, Loader=UnsafeLoader)
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "svc/utils.py:9: YAML loaded with the unsafe Loader: yaml.load(...)",
            "svc/utils.py:10: YAML loaded with the unsafe Loader: yaml.load(...)",
            "svc/utils.py:13: YAML loaded with the unsafe UnsafeLoader: yaml.load(...)");
  }
}
