package org.lamindb.testing;

import java.nio.file.Path;
import java.util.Map;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;

/** A metadata backend that the abstract test suites run on. */
public enum Backend {
  /** Embedded SQLite in the storage folder. */
  SQLITE,
  /** PostgreSQL ({@link PostgresTestServer}). */
  POSTGRES;

  /**
   * @return init options for a new instance on this backend with storage {@code root}
   */
  public InitOptions options(Path root, String name) {
    InitOptions o = InitOptions.storage(root.toString()).name(name);
    return this == POSTGRES ? o.db(PostgresTestServer.newDatabase()) : o;
  }

  /**
   * @return init options for a new instance on this backend with storage {@code root} (a folder or
   *     a URL)
   */
  public InitOptions options(String root, String name) {
    InitOptions o = InitOptions.storage(root).name(name);
    return this == POSTGRES ? o.db(PostgresTestServer.newDatabase()) : o;
  }

  /**
   * @return a new instance with its own settings dir and storage below {@code tmp}
   */
  public LaminDB newInstance(Path tmp) {
    return setup(tmp).init(options(tmp.resolve("storage"), "test"));
  }

  /**
   * @return setup over a settings directory below {@code tmp}
   */
  public static LaminSetup setup(Path tmp) {
    return LaminSetup.at(
        tmp.resolve("home"), Map.of("LAMIN_CACHE_DIR", tmp.resolve("cache").toString()));
  }
}
