package org.lamindb.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;

/**
 * The LaminDB instances the Spark driver talks to. The {@code lamindb} data source and {@link
 * LaminCatalog} resolve their {@code instance} option here: first among handles registered with
 * {@link #register(LaminDB)} (an instance the program already opened), else by connecting through
 * {@code $LAMIN_HOME} (or the {@code lamin_home} option) like {@code LaminDB.connect(slug)}.
 *
 * <pre>{@code
 * LaminDB ln = LaminDB.connect("me/genomics");
 * LaminSpark.register(ln);
 * Dataset<Row> df = spark.read().format("lamindb").option("instance", "me/genomics")
 *     .option("collection", "my/collection").load();
 * }</pre>
 */
public final class LaminSpark {
  private static final Map<String, LaminDB> HANDLES = new ConcurrentHashMap<>();

  private LaminSpark() {}

  /**
   * Makes an open handle available to the data source under its slug ({@code owner/name}) and name;
   * the caller keeps owning (and closing) it.
   *
   * @param ln an open instance
   * @return {@code ln}
   */
  public static LaminDB register(LaminDB ln) {
    String slug = ln.slug();
    HANDLES.put(slug, ln);
    HANDLES.put(slug.substring(slug.indexOf('/') + 1), ln);
    return ln;
  }

  /**
   * Forgets a handle registered with {@link #register(LaminDB)}.
   *
   * @param ln the handle
   */
  public static void unregister(LaminDB ln) {
    HANDLES.values().removeIf(h -> h == ln);
  }

  /**
   * Resolves the instance of a data source or catalog.
   *
   * @param options the options (case-insensitive keys {@code instance}, {@code lamin_home})
   * @return the handle (registered, or connected and cached for this JVM)
   */
  static LaminDB instance(Map<String, String> options) {
    String slug = Options.get(options, "instance");
    String home = Options.get(options, "lamin_home");
    if (slug == null) {
      java.util.Set<LaminDB> distinct =
          java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      distinct.addAll(HANDLES.values());
      if (distinct.size() == 1 && home == null) {
        return distinct.iterator().next();
      }
      throw new InvalidArgumentException(
          "option 'instance' is missing: .option(\"instance\", \"owner/name\")");
    }
    LaminDB registered = HANDLES.get(slug);
    if (registered != null) {
      return registered;
    }
    String cacheKey = (home == null ? "" : home + "|") + slug;
    return HANDLES.computeIfAbsent(
        cacheKey,
        k ->
            home == null
                ? LaminDB.connect(slug)
                : LaminSetup.at(Path.of(home), System.getenv()).connect(slug));
  }

  /**
   * @return the report of the last {@code lamindb} scan planned in this JVM, or null
   */
  public static ScanReport lastScan() {
    return ScanStats.LAST.get();
  }

  /**
   * @return how many Parquet files (splits) scan tasks of the {@code lamindb} source opened in this
   *     JVM (local mode counts the executors too)
   */
  public static long filesOpened() {
    return ScanStats.FILES_OPENED.get();
  }

  /**
   * @return how many Parquet footers the source read to infer schemas in this JVM
   */
  public static long footersRead() {
    return ScanStats.FOOTERS_READ.get();
  }

  /**
   * Forgets the artifacts scanned so far for {@code ln} (they would become inputs of the next
   * write's run).
   */
  public static void clearInputs(LaminDB ln) {
    ScanStats.READ_BY_INSTANCE.remove(ln.slug());
  }
}
