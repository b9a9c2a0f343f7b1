package org.lamindb;

import java.util.List;

/**
 * Options of {@code lamin init} / {@link LaminSetup#init(InitOptions)}.
 *
 * <pre>{@code
 * InitOptions.storage("./mydata").name("mydata").modules("bionty")
 * InitOptions.storage("s3://bucket/prefix").db("postgresql://user@host:5432/lamin")
 * }</pre>
 *
 * @param storage default storage root: a local folder (created if missing) or {@code
 *     s3://...}/{@code gs://...}
 * @param db PostgreSQL URL, or null for SQLite at {@code <storage>/.lamindb/lamin.db}
 * @param name instance name, or null for the last path component of the storage (or the database
 *     name)
 * @param modules modules to enable besides core, e.g. {@code bionty}
 */
public record InitOptions(String storage, String db, String name, List<String> modules) {

  /**
   * @return the options, with the password of the PostgreSQL URL masked
   */
  @Override
  public String toString() {
    return "InitOptions[storage="
        + storage
        + ", db="
        + org.lamindb.internal.db.PostgresUrl.redact(db)
        + ", name="
        + name
        + ", modules="
        + modules
        + "]";
  }

  /**
   * @return options with only a storage root (SQLite, default name, no modules)
   */
  public static InitOptions storage(String storage) {
    return new InitOptions(storage, null, null, List.of());
  }

  /**
   * @return a copy with a PostgreSQL database
   */
  public InitOptions db(String url) {
    return new InitOptions(storage, url, name, modules);
  }

  /**
   * @return a copy with an explicit instance name
   */
  public InitOptions name(String n) {
    return new InitOptions(storage, db, n, modules);
  }

  /**
   * @return a copy enabling {@code mods}
   */
  public InitOptions modules(String... mods) {
    return new InitOptions(storage, db, name, List.of(mods));
  }

  /**
   * @return a copy enabling {@code mods}
   */
  public InitOptions modules(List<String> mods) {
    return new InitOptions(storage, db, name, List.copyOf(mods));
  }
}
