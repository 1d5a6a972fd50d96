package dev.fleetcheck.embedded;

import dev.fleetcheck.core.contract.ResultStoreContract;
import dev.fleetcheck.core.port.ResultStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteResultStoreContractTest extends ResultStoreContract {

  @TempDir Path dataDirectory;
  private SqliteDatabase database;

  @Override
  protected ResultStore newStore() {
    database = SqliteDatabase.open(dataDirectory);
    return new SqliteResultStore(database);
  }

  @AfterEach
  void close() {
    database.close();
  }
}
