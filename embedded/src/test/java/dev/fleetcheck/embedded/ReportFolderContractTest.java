package dev.fleetcheck.embedded;

import dev.fleetcheck.core.contract.ReportStoreContract;
import dev.fleetcheck.core.port.ReportStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderContractTest extends ReportStoreContract {

  @TempDir Path folder;

  @Override
  protected ReportStore newStore() {
    return new ReportFolder(folder.resolve("reports"));
  }
}
