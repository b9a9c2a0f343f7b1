package org.lamindb.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Artifact;

/**
 * Writes a DataFrame back into LaminDB: Spark writes Parquet part files into a temporary prefix;
 * only when the job succeeded is the folder registered as one artifact (LaminDB's folder hash; its
 * content stored crash-safely by LaminDB's storage layer, local or object store) with a run, and
 * the temporary prefix removed. A failed job leaves no row and no visible output.
 *
 * <p>The run: when the instance already tracks one ({@code ln.track()}), the output and inputs go
 * to it; otherwise a run of the transform keyed by the Spark application name (kind {@code
 * pipeline}) with the write options as params is started and finished around the registration. Its
 * inputs are the artifacts the {@code lamindb} source scanned in this JVM for the same instance.
 */
public final class LaminWriter {
  /** Name prefix of temporary folders; core's {@code lamin repair} knows it (keep in sync). */
  static final String TEMP_PREFIX = ".lamindb-spark-";

  /** Folder of the cache directory holding the temporary prefixes (known to repair). */
  static final String TEMP_DIR = "spark-tmp";

  /** File in a temporary folder: the driver's {@code host:pid}, the instance (known to repair). */
  static final String OWNER_FILE = "_lamindb_owner";

  private LaminWriter() {}

  /**
   * Writes {@code data} and registers it.
   *
   * @param options {@code instance}, {@code key} (required), {@code collection} (optional: the
   *     collection key to add the output to, as a new version; created when missing), {@code
   *     layout} ({@code folder}, the default: one folder artifact; {@code files}: one artifact per
   *     part file, keys {@code <key>/part-00000.parquet}, ...), {@code temp_dir} (where Spark
   *     writes first; default {@code <cache dir>/spark-tmp}), {@code description}
   * @param mode {@code ErrorIfExists} refuses a key that is taken, {@code Ignore} keeps it, {@code
   *     Append}/{@code Overwrite} save a new version of the key
   * @return the saved artifacts: the folder, or the part files in order (empty when {@code Ignore}
   *     skipped the write)
   */
  public static List<Artifact> write(
      SparkSession spark, Dataset<Row> data, Map<String, String> options, SaveMode mode) {
    LaminDB ln = LaminSpark.instance(options);
    String key = Options.get(options, "key");
    if (key == null || key.isBlank()) {
      throw new InvalidArgumentException(
          "a lamindb write needs .option(\"key\", \"results/scores.parquet\")");
    }
    boolean perFile = perFile(options);
    boolean exists =
        perFile
            ? ln.artifacts().filter("key__startswith", key + "/").exists()
            : ln.artifacts().filter("key", key).exists();
    if (exists && mode == SaveMode.ErrorIfExists) {
      throw new InvalidArgumentException(
          "an artifact with key '"
              + key
              + "' exists; use .mode(\"append\") or .mode(\"overwrite\") to save a new version");
    }
    if (exists && mode == SaveMode.Ignore) {
      return List.of();
    }
    Path tempRoot = tempRoot(ln, options);
    Path temp;
    try {
      Files.createDirectories(tempRoot);
      temp = Files.createTempDirectory(tempRoot, TEMP_PREFIX);
      Files.writeString(temp.resolve(OWNER_FILE), owner() + "\n" + ln.slug() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder in " + tempRoot, e);
    }
    Path out = temp.resolve(leaf(key));
    try {
      data.write().mode(SaveMode.ErrorIfExists).parquet(out.toUri().toString());
      for (Path marker : List.of(out.resolve("_SUCCESS"))) {
        Files.deleteIfExists(marker);
      }
      deleteCrcFiles(out);
      return register(spark, ln, out, key, options, perFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteRecursively(temp);
    }
  }

  /**
   * Where Spark writes first: the {@code temp_dir} option, else {@code <cache dir>/spark-tmp},
   * where {@code lamin repair} finds the leftovers of a driver that died.
   */
  static Path tempRoot(LaminDB ln, Map<String, String> options) {
    String given = Options.get(options, "temp_dir");
    return given != null ? Path.of(given) : ln.info().cacheDir().resolve(TEMP_DIR);
  }

  /** The driver as {@code host:pid}, as core's repair judges owners. */
  static String owner() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost";
    }
    return host + ":" + ProcessHandle.current().pid();
  }

  private static String leaf(String key) {
    String k = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    return k.substring(k.lastIndexOf('/') + 1);
  }

  private static boolean perFile(Map<String, String> options) {
    String layout = Options.get(options, "layout");
    if (layout == null || layout.equalsIgnoreCase("folder")) {
      return false;
    }
    if (layout.equalsIgnoreCase("files")) {
      return true;
    }
    throw new InvalidArgumentException(
        "option layout='"
            + layout
            + "' is unknown; use \"folder\" (one folder artifact, the default) or \"files\" (one"
            + " artifact per part file)");
  }

  /** The part files of a Spark output folder, renamed {@code part-00000.parquet}, ..., in order. */
  private static List<Path> parts(Path folder) throws IOException {
    List<Path> spark;
    try (Stream<Path> s = Files.list(folder)) {
      spark =
          s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    }
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < spark.size(); i++) {
      out.add(Files.move(spark.get(i), folder.resolve(String.format("part-%05d.parquet", i))));
    }
    return out;
  }

  private static List<Artifact> save(
      LaminDB ln, Path folder, String key, Map<String, String> options, boolean perFile)
      throws IOException {
    String description = Options.get(options, "description");
    List<Artifact> out = new ArrayList<>();
    if (!perFile) {
      out.add(ln.artifact(folder).key(key));
    } else {
      for (Path p : parts(folder)) {
        out.add(ln.artifact(p).key(key + "/" + p.getFileName()));
      }
    }
    if (description != null) {
      out.forEach(a -> a.description(description));
    }
    return perFile ? Artifact.saveAll(out) : List.of(out.get(0).save());
  }

  private static List<Artifact> register(
      SparkSession spark,
      LaminDB ln,
      Path folder,
      String key,
      Map<String, String> options,
      boolean perFile)
      throws IOException {
    boolean own = ln.currentRun().isEmpty();
    if (own) {
      String app = spark.sparkContext().appName();
      Map<String, Object> params = new TreeMap<>();
      for (Map.Entry<String, String> e : options.entrySet()) {
        if (!e.getKey().equalsIgnoreCase("path")) {
          params.put(e.getKey(), e.getValue());
        }
      }
      ln.track(
          TrackOptions.ofKey(app)
              .kind("pipeline")
              .description("Spark application " + app + mainClass())
              .sourceCode("spark application: " + app + mainClass())
              .params(params)
              .captureOutput(false));
    }
    try {
      linkInputs(ln);
      List<Artifact> saved = save(ln, folder, key, options, perFile);
      String collectionKey = Options.get(options, "collection");
      if (collectionKey != null) {
        var existing =
            ln.collections().filter("key", collectionKey).filter("is_latest", true).first();
        if (existing.isPresent()) {
          List<Artifact> members = existing.get().ordered();
          members.addAll(saved);
          existing.get().revise(members);
        } else {
          ln.collection(saved).key(collectionKey).save();
        }
      }
      return saved;
    } finally {
      if (own) {
        ln.finish();
      }
    }
  }

  /** The driver's main class (as {@code spark-submit --class} or {@code java} started it). */
  static String mainClass() {
    String cmd = System.getProperty("sun.java.command", "").trim();
    String first = cmd.isEmpty() ? "" : cmd.split("\\s+")[0];
    return first.isEmpty() ? "" : " (main " + first + ")";
  }

  /** Records the artifacts scanned in this JVM for this instance as inputs of the current run. */
  private static void linkInputs(LaminDB ln) {
    Set<String> uids = ScanStats.READ_BY_INSTANCE.get(ln.slug());
    if (uids == null) {
      return;
    }
    List<String> list = new ArrayList<>(uids);
    for (int i = 0; i < list.size(); i += 500) {
      for (Artifact a :
          ln.artifacts()
              .filter("uid__in", list.subList(i, Math.min(list.size(), i + 500)))
              .list()) {
        // opening the content is how core records an input of the current run
        try (InputStream in = a.openStream()) {
          in.available();
        } catch (IOException | RuntimeException e) {
          // a missing input file must not fail the write; the input is then not linked
        }
      }
    }
  }

  private static void deleteCrcFiles(Path folder) throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".crc")).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove temporary output " + root, e);
    }
  }
}
