package dev.fleetcheck.core.rules.beh;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnboundedWaitsTest {

  @TempDir Path dir;

  @Test
  void waitsWithoutBoundsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/work.py",
                """
                import queue
                import subprocess
                import threading
                import time
                from concurrent.futures import ThreadPoolExecutor

                jobs = queue.Queue()
                pool = ThreadPoolExecutor()

                def handle(cmd):
                    subprocess.run(
                        cmd,
                        check=True,
                    )
                    proc = subprocess.Popen(cmd)
                    proc.communicate()
                    item = jobs.get()
                    worker = threading.Thread(target=run)
                    worker.join()
                    future = pool.submit(run)
                    return future.result()

                async def slow():
                    time.sleep(1)
                """)
            .build();

    assertThat(findings(check(new UnboundedWaits(), repo, Profile.API)))
        .containsExactly(
            "app/work.py:11: subprocess.run without timeout= can block the request forever",
            "app/work.py:16: proc.communicate() without a timeout can block the request forever",
            "app/work.py:17: jobs.get() without a timeout can block the request forever",
            "app/work.py:19: worker.join() without a timeout can block the request forever",
            "app/work.py:21: future.result() without a timeout can block the request forever",
            "app/work.py:24: time.sleep blocks the event loop inside async def slow (await"
                + " asyncio.sleep)");
  }

  @Test
  void boundedWaitsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/work.py",
                """
                import queue
                import subprocess
                import threading
                import time

                jobs = queue.Queue()
                lock = threading.Lock()

                def handle(cmd, **kw):
                    subprocess.run(cmd, timeout=30)
                    subprocess.run(cmd, **kw)
                    jobs.get(timeout=5)
                    jobs.get(False)
                    jobs.put(1, block=False)
                    lock.acquire(timeout=2)
                    time.sleep(1)
                    config = {}
                    config.get("a")
                """)
            .build();

    assertNoEvidentViolation(check(new UnboundedWaits(), repo, Profile.API));
  }

  @Test
  void putOnAQueueWithoutMaxsizeNeverBlocks() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/work.py",
                """
                import queue
                from queue import Queue

                class Writer:
                    def __init__(self):
                        self._queue: Queue[tuple] = Queue()
                        self.bounded = queue.Queue(maxsize=10)
                        self.sized = queue.Queue(5)

                    def save(self, value):
                        self._queue.put(("save", value))
                        self.bounded.put(value)
                        self.sized.put(value)

                    def worker(self):
                        return self._queue.get()
                """)
            .build();

    assertThat(findings(check(new UnboundedWaits(), repo, Profile.API)))
        .containsExactly(
            "app/work.py:12: self.bounded.put() without a timeout can block the request forever",
            "app/work.py:13: self.sized.put() without a timeout can block the request forever",
            "app/work.py:16: self._queue.get() without a timeout can block the request forever");
  }
}
