package org.lamindb.internal.artifact;

import static org.lamindb.internal.core.RecordStore.col;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.lamindb.StorageException;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.spi.Dialect;
import org.lamindb.storage.ObjectStat;
import org.lamindb.storage.StorageBackend;

/**
 * {@code lamin repair}: removes leftovers of interrupted saves, safely against live writers.
 *
 * <p>Why it is safe: the scan runs while holding the <em>repair lock</em> exclusively (SQLite: the
 * database write lock, which every save's final transaction holds too; PostgreSQL: an advisory lock
 * that saves take shared for their final move and commit). So while repair looks, no save is
 * between "content moved to its final key" and "row committed": every file at a final key either
 * has a committed row or belongs to a save that died. Temporary uploads are protected by their
 * durable intent ({@link SaveIntents}), which is committed before the upload starts; the storage is
 * listed before the intents are read, so an upload seen in the listing has its intent visible.
 * Nothing younger than the grace period is removed, whatever its state.
 */
public final class Repair {
  /** Key of the advisory lock that serializes repair scans against final moves (PostgreSQL). */
  static final long LOCK_KEY = 0x6c616d696e726570L; // "laminrep"

  /**
   * Name prefix of the temporary folders {@code lamindb-spark} writes into before the commit, below
   * {@value #SPARK_TEMP_DIR} of the cache directory.
   */
  public static final String SPARK_TEMP_PREFIX = ".lamindb-spark-";

  /** Folder of the cache directory holding {@code lamindb-spark}'s temporary prefixes. */
  public static final String SPARK_TEMP_DIR = "spark-tmp";

  /** File in a Spark temporary folder: the driver's {@code host:pid}, then the instance slug. */
  public static final String SPARK_OWNER_FILE = "_lamindb_owner";

  /** Folder below {@code .lamindb/} holding Iceberg table metadata (never a leftover). */
  static final String ICEBERG_DIR = "iceberg";

  private Repair() {}

  /** What repair did or would do with one storage entry. */
  public record Finding(String action, String key, String why) {
    /**
     * @return e.g. {@code removed: /data/.lamindb/.lamindb-tmp-X.txt (temporary upload, age 2h,
     *     owner host:42, owner dead)}
     */
    public String line() {
      return action + ": " + key + " (" + why + ")";
    }
  }

  /**
   * @param findings every entry looked at that is not a committed artifact's content, in order
   */
  public record Report(List<Finding> findings) {
    /**
     * @return findings with {@code action} ({@code remove}, {@code removed}, {@code keep}, {@code
     *     missing})
     */
    public List<Finding> with(String action) {
      return findings.stream().filter(f -> f.action().equals(action)).toList();
    }
  }

  /** Takes the repair lock shared (saves, right before their final move). */
  static void lockShared(Instance inst, DSLContext ctx) {
    if (inst.db().dialect() == Dialect.POSTGRES) {
      ctx.execute("SELECT pg_advisory_xact_lock_shared(?)", LOCK_KEY);
    }
  }

  /**
   * Scans the default storage of {@code inst}; removes what is safe to remove unless dry-run. The
   * scan itself runs without locks; only when it found something to remove or report missing are
   * those entries re-checked and acted upon under the repair lock (so a repair loop does not starve
   * savers).
   */
  public static Report run(Instance inst, boolean dryRun, Duration grace) {
    ArtifactFiles files = ArtifactFiles.of(inst);
    long sid = inst.storageId();
    StorageBackend b = files.backend(sid, inst.storageRoot());
    try {
      List<Finding> spark = sparkTemps(inst, dryRun, grace);
      List<Finding> first = scan(inst, inst.db().dsl(), files, b, sid, true, grace);
      if (first.stream().allMatch(f -> f.action().equals("keep"))) {
        return new Report(concat(spark, first));
      }
      return new Report(
          concat(
              spark,
              inst.db()
                  .transaction(
                      ctx -> {
                        if (inst.db().dialect() == Dialect.POSTGRES) {
                          ctx.execute("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
                        }
                        try {
                          return scan(inst, ctx, files, b, sid, dryRun, grace);
                        } catch (IOException e) {
                          throw scanFailed(b, e);
                        }
                      })));
    } catch (IOException e) {
      throw scanFailed(b, e);
    }
  }

  private static List<Finding> concat(List<Finding> a, List<Finding> b) {
    List<Finding> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static StorageException scanFailed(StorageBackend b, IOException e) {
    return new StorageException("cannot scan storage " + b.root() + ": " + e.getMessage(), e);
  }

  private static List<Finding> scan(
      Instance inst,
      DSLContext ctx,
      ArtifactFiles files,
      StorageBackend b,
      long sid,
      boolean dryRun,
      Duration grace)
      throws IOException {
    Instant now = Instant.now();
    // storage first, then intents, then rows (see the class comment): a save deletes its intent
    // only after its row committed, so an entry whose intent is gone has its row visible by now
    Map<String, Instant> entries = entries(b);
    Map<String, SaveIntents.Seen> intents = new HashMap<>();
    if (hasIntents(inst)) {
      for (SaveIntents.Seen s : SaveIntents.list(ctx, sid)) {
        intents.put(top(s.tempKey()), s);
      }
    }
    Set<String> keys = referencedKeys(ctx, files, sid);
    List<Finding> out = new ArrayList<>();
    Set<String> matchedIntents = new HashSet<>();
    for (Map.Entry<String, Instant> e : entries.entrySet()) {
      String top = e.getKey();
      String entry = ".lamindb/" + top;
      boolean temp = top.contains(".lamindb-tmp-");
      if (!temp && keys.contains(entry)) {
        continue;
      }
      Duration age = Duration.between(e.getValue(), now);
      SaveIntents.Seen intent = intentOf(top, intents);
      String state;
      if (intent != null) {
        matchedIntents.add(top(intent.tempKey()));
        state = "owner " + intent.owner() + ", intent " + intent.state(now.toEpochMilli());
      } else {
        state = temp ? "no save intent" : "no artifact row";
      }
      String why = (temp ? "temporary upload" : "unreferenced file") + ", age " + human(age);
      why += ", " + state;
      if (intent != null && intent.state(now.toEpochMilli()).equals("live")) {
        out.add(new Finding("keep", b.root() + "/" + entry, why + ": a save may still commit it"));
      } else if (age.compareTo(grace) < 0) {
        out.add(
            new Finding(
                "keep", b.root() + "/" + entry, why + ": younger than the grace " + human(grace)));
      } else {
        if (!dryRun) {
          b.delete(entry);
          if (intent != null) {
            SaveIntents.forget(ctx, sid, intent.tempKey());
          }
        }
        out.add(new Finding(dryRun ? "remove" : "removed", b.root() + "/" + entry, why));
      }
    }
    for (SaveIntents.Seen s : intents.values()) {
      String state = s.state(now.toEpochMilli());
      if (!matchedIntents.contains(top(s.tempKey())) && !state.equals("live")) {
        // a save that died before uploading anything
        if (!dryRun) {
          SaveIntents.forget(ctx, sid, s.tempKey());
        }
        out.add(
            new Finding(
                dryRun ? "remove" : "removed",
                "save intent of " + b.root() + "/" + s.tempKey(),
                "no upload, owner " + s.owner() + ", intent " + state));
      }
    }
    for (String k : keys) {
      if (b.stat(k).isEmpty()) {
        out.add(new Finding("missing", b.root() + "/" + k, "artifact row kept"));
      }
    }
    return out;
  }

  /**
   * The temporary prefixes of {@code lamindb-spark} writes of this instance on this machine ({@code
   * <cache dir>/spark-tmp/.lamindb-spark-*}, Spark's part files before the commit). One is kept
   * while its owner (the Spark driver, {@code host:pid} in {@value #SPARK_OWNER_FILE}) runs on this
   * host, whatever its age, and while its newest file is younger than the grace period (an owner on
   * another host is judged by that age alone); else removed.
   */
  static List<Finding> sparkTemps(Instance inst, boolean dryRun, Duration grace)
      throws IOException {
    Path root = inst.cacheDir().resolve(SPARK_TEMP_DIR);
    List<Finding> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    List<Path> dirs;
    try (var s = Files.list(root)) {
      dirs =
          s.filter(d -> d.getFileName().toString().startsWith(SPARK_TEMP_PREFIX)).sorted().toList();
    }
    String self = SaveIntents.owner();
    String host = self.substring(0, self.lastIndexOf(':'));
    Instant now = Instant.now();
    for (Path d : dirs) {
      List<String> marker = readMarker(d);
      if (marker.size() > 1 && !marker.get(1).equals(inst.settings().slug())) {
        continue; // another instance's write
      }
      String owner = marker.isEmpty() ? null : marker.get(0);
      Duration age = Duration.between(newest(d), now);
      String why =
          "temporary Spark write, age "
              + human(age)
              + ", owner "
              + (owner == null ? "unknown" : owner);
      boolean localOwner = owner != null && owner.startsWith(host + ":");
      if (localOwner && !SaveIntents.ownerDead(owner)) {
        out.add(new Finding("keep", d.toString(), why + " running: the job may still commit"));
      } else if (age.compareTo(grace) < 0) {
        out.add(
            new Finding("keep", d.toString(), why + ": younger than the grace " + human(grace)));
      } else {
        if (!dryRun) {
          org.lamindb.internal.storage.LocalFiles.deleteTree(d);
        }
        out.add(
            new Finding(
                dryRun ? "remove" : "removed",
                d.toString(),
                why + (localOwner ? " (dead)" : "") + ": the job ended before its commit"));
      }
    }
    return out;
  }

  private static List<String> readMarker(Path dir) throws IOException {
    Path m = dir.resolve(SPARK_OWNER_FILE);
    try {
      return Files.readAllLines(m).stream().map(String::trim).toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  private static Instant newest(Path dir) throws IOException {
    Instant t = Files.getLastModifiedTime(dir).toInstant();
    try (var walk = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) walk::iterator) {
        try {
          Instant m = Files.getLastModifiedTime(f).toInstant();
          t = m.isAfter(t) ? m : t;
        } catch (NoSuchFileException e) {
          // removed by the job meanwhile
        }
      }
    } catch (java.io.UncheckedIOException e) {
      if (!(e.getCause() instanceof NoSuchFileException)) {
        throw e.getCause();
      }
    }
    return t;
  }

  private static boolean hasIntents(Instance inst) {
    return inst.schemaVersions().getOrDefault("lamindb", 0) >= 3;
  }

  /** The intent whose temporary upload {@code top} is (or is the backend's partial write of). */
  private static SaveIntents.Seen intentOf(String top, Map<String, SaveIntents.Seen> intents) {
    SaveIntents.Seen exact = intents.get(top);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, SaveIntents.Seen> i : intents.entrySet()) {
      if (top.endsWith("-" + i.getKey())) {
        return i.getValue();
      }
    }
    return null;
  }

  /**
   * @return the first path segment below {@code .lamindb/} of {@code key}
   */
  static String top(String key) {
    String rest = key.startsWith(".lamindb/") ? key.substring(".lamindb/".length()) : key;
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static Set<String> referencedKeys(DSLContext ctx, ArtifactFiles files, long sid) {
    Set<String> keys = new HashSet<>();
    for (Record r :
        ctx.select(
                col("uid"),
                col("_overwrite_versions"),
                col("key"),
                col("_key_is_virtual"),
                col("_real_key"),
                col("suffix"))
            .from(RecordStore.table(CoreRegistries.ARTIFACT))
            .where(col("storage_id").eq(sid))
            .fetch()) {
      Map<String, Object> v = new HashMap<>();
      v.put("uid", r.get(0));
      v.put("_overwrite_versions", bool(r.get(1)));
      v.put("key", r.get(2));
      v.put("_key_is_virtual", bool(r.get(3)));
      v.put("_real_key", r.get(4));
      v.put("suffix", r.get(5));
      keys.add(files.storageKey(v));
    }
    return keys;
  }

  /**
   * @return each entry directly below {@code .lamindb/} (file or folder, including interrupted
   *     temporary writes that list() hides) with its newest modification time
   */
  private static Map<String, Instant> entries(StorageBackend b) throws IOException {
    Map<String, Instant> out = new LinkedHashMap<>();
    for (ObjectStat o : listAll(b)) {
      String rest = o.key().substring(".lamindb/".length());
      if (rest.equals("lamin.db")
          || rest.startsWith("lamin.db-")
          || rest.equals("storage_uid.txt")
          || rest.startsWith(ICEBERG_DIR + "/")) {
        continue;
      }
      Instant t = o.lastModified() == null ? Instant.EPOCH : o.lastModified();
      out.merge(top(o.key()), t, (x, y) -> x.isAfter(y) ? x : y);
    }
    return out;
  }

  private static List<ObjectStat> listAll(StorageBackend b) throws IOException {
    Optional<Path> local = b.localPath(".lamindb");
    if (local.isEmpty()) {
      return b.list(".lamindb");
    }
    if (!Files.isDirectory(local.get())) {
      return List.of();
    }
    List<ObjectStat> out = new ArrayList<>();
    try (var walk = Files.walk(local.get())) {
      for (Path f : (Iterable<Path>) walk::iterator) {
        try {
          if (Files.isRegularFile(f)) {
            String key = ".lamindb/" + local.get().relativize(f).toString().replace('\\', '/');
            out.add(
                new ObjectStat(
                    key,
                    Files.size(f),
                    Files.getLastModifiedTime(f).toInstant(),
                    null,
                    null,
                    false));
          }
        } catch (NoSuchFileException e) {
          // a partial write of a save that just finished or failed
        }
      }
    } catch (java.io.UncheckedIOException e) {
      if (!(e.getCause() instanceof NoSuchFileException)) {
        throw e.getCause();
      }
    }
    return out;
  }

  /**
   * @return e.g. {@code 0s}, {@code 42s}, {@code 3m 5s}, {@code 2h 1m}
   */
  static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m " + (s % 60) + "s";
    }
    return (s / 3600) + "h " + (s % 3600 / 60) + "m";
  }

  private static boolean bool(Object o) {
    return o instanceof Boolean x ? x : o instanceof Number n && n.intValue() != 0;
  }
}
