package org.lamindb.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.LaminException;
import org.lamindb.StorageException;
import org.lamindb.ValidationException;

/**
 * The data schema of a selection: the union of the members' Parquet footers, in first-seen column
 * order, every column nullable (absent in a file → null). A column with two types is an error
 * naming both artifacts. Footers are read where the files are: local files in place, object-store
 * files by one ranged GET of their tail ({@link RangedInputFile}; nothing staged, no LIST for file
 * artifacts), several at a time. Footer schemas are cached per content hash, so one file's footer
 * is read at most once per JVM.
 */
final class SchemaUnion {
  private static final Map<String, MessageType> BY_HASH = new ConcurrentHashMap<>();
  private static final int THREADS = 8;
  static final String FOOTER_DIR = "spark-footers";

  private SchemaUnion() {}

  /** Forgets the cached footer schemas (tests). */
  static void clearCache() {
    BY_HASH.clear();
  }

  /** Forgets the footer schemas in memory and in {@code ln}'s cache dir (tests). */
  static void clearCache(LaminDB ln) {
    clearCache();
    LaminWriter.deleteRecursively(ln.info().cacheDir().resolve(FOOTER_DIR));
  }

  /**
   * @param entries the candidates (a folder's first part file stands for all of its parts)
   */
  static StructType of(SparkSession spark, LaminDB ln, List<Members.Entry> entries) {
    List<MessageType> footers = footers(ln, entries);
    ParquetToSparkSchemaConverter converter =
        new ParquetToSparkSchemaConverter(spark.sessionState().conf());
    Map<MessageType, StructType> converted = new java.util.HashMap<>();
    LinkedHashMap<String, StructField> out = new LinkedHashMap<>();
    Map<String, String> firstArtifact = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Members.Entry a = entries.get(i);
      StructType s = converted.computeIfAbsent(footers.get(i), converter::convert);
      for (StructField f : s.fields()) {
        StructField seen = out.get(f.name());
        if (seen == null) {
          out.put(f.name(), new StructField(f.name(), f.dataType(), true, Metadata.empty()));
          firstArtifact.put(f.name(), a.uid());
        } else if (!seen.dataType().equals(f.dataType())) {
          throw new ValidationException(
              "column '"
                  + f.name()
                  + "' is "
                  + f.dataType().simpleString()
                  + " in artifact "
                  + a.uid()
                  + describeKey(a)
                  + " but "
                  + seen.dataType().simpleString()
                  + " in artifact "
                  + firstArtifact.get(f.name())
                  + "; cast one of them, or give the read a schema with .schema(...)",
              List.of(a.uid() + ": " + f.name()));
        }
      }
    }
    return new StructType(out.values().toArray(StructField[]::new));
  }

  /** The footer schema of every entry, in order; several read at a time. */
  private static List<MessageType> footers(LaminDB ln, List<Members.Entry> entries) {
    List<MessageType> out = new ArrayList<>(entries.size());
    if (entries.size() <= 4) {
      for (Members.Entry e : entries) {
        out.add(footer(ln, e));
      }
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(THREADS, entries.size()),
            r -> {
              Thread t = new Thread(r, "lamindb-spark-footers");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<MessageType>> futures = new ArrayList<>(entries.size());
      for (Members.Entry e : entries) {
        futures.add(pool.submit(() -> footer(ln, e)));
      }
      for (Future<MessageType> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while reading Parquet footers", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LaminException le) {
        throw le;
      }
      throw new StorageException("cannot read Parquet footers: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static MessageType footer(LaminDB ln, Members.Entry a) {
    String cacheKey = a.hash() == null ? null : a.hash() + "|" + a.size();
    MessageType cached = cacheKey == null ? null : BY_HASH.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    Path persisted = cacheKey == null ? null : persistedPath(ln, a);
    MessageType known = persisted == null ? null : readPersisted(persisted);
    if (known != null) {
      BY_HASH.put(cacheKey, known);
      return known;
    }
    InputFile file = firstFile(ln, a);
    ScanStats.FOOTERS_READ.incrementAndGet();
    MessageType s;
    try (ParquetFileReader r = ParquetFileReader.open(file)) {
      s = r.getFooter().getFileMetaData().getSchema();
    } catch (IOException | RuntimeException e) {
      throw new StorageException(
          "cannot read the Parquet footer of artifact "
              + a.uid()
              + describeKey(a)
              + " at "
              + file
              + ": "
              + e.getMessage(),
          e);
    }
    if (cacheKey != null) {
      BY_HASH.put(cacheKey, s);
      persist(persisted, s);
    }
    return s;
  }

  /**
   * Where the footer schema of a content hash is kept for later drivers: {@code <cache
   * dir>/spark-footers/<hash>-<size>.schema} (content-addressed, so never stale).
   */
  private static Path persistedPath(LaminDB ln, Members.Entry a) {
    StringBuilder name = new StringBuilder();
    for (char c : a.hash().toCharArray()) {
      name.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '~');
    }
    name.append('-').append(a.size()).append(a.folder() ? "-folder" : "").append(".schema");
    return ln.info().cacheDir().resolve(FOOTER_DIR).resolve(name.toString());
  }

  private static MessageType readPersisted(Path p) {
    try {
      return Files.exists(p) ? MessageTypeParser.parseMessageType(Files.readString(p)) : null;
    } catch (IOException | RuntimeException e) {
      return null; // unreadable: read the footer again
    }
  }

  private static void persist(Path p, MessageType s) {
    String text = s.toString();
    try {
      if (!MessageTypeParser.parseMessageType(text).equals(s)) {
        return; // a schema the text form does not round-trip is only cached in memory
      }
      Files.createDirectories(p.getParent());
      Path tmp = Files.createTempFile(p.getParent(), ".footer", ".tmp");
      Files.writeString(tmp, text);
      Files.move(
          tmp,
          p,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // the cache is an optimisation: a read-only cache dir just means footers are read again
    }
  }

  /** The (first) Parquet file of an artifact, where it is: no staging. */
  private static InputFile firstFile(LaminDB ln, Members.Entry a) {
    ScanFiles.requireParquet(a);
    String p = a.path();
    if (p.startsWith("/") || p.startsWith("file:")) {
      Path local = p.startsWith("file:") ? Path.of(java.net.URI.create(p)) : Path.of(p);
      return new LocalInputFile(a.folder() ? firstPart(a, local) : local);
    }
    if (a.folder() || a.size() < 0) {
      // a remote folder's parts (or an unknown size) are known only from storage: stage it
      return new LocalInputFile(Path.of(java.net.URI.create(ScanFiles.of(ln, a).get(0).uri())));
    }
    RemoteStorages.Location loc = RemoteStorages.locate(ln, p);
    return new RangedInputFile(loc.backend(), loc.key(), a.size());
  }

  private static Path firstPart(Members.Entry a, Path folder) {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".parquet"))
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted()
          .findFirst()
          .orElseThrow(
              () ->
                  new InvalidArgumentException(
                      "artifact " + a.uid() + " is a folder without .parquet files: " + folder));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describeKey(Members.Entry a) {
    return a.key() == null ? "" : " (" + a.key() + ")";
  }

  /**
   * @return {@code type} is usable as a constant (artifact-level) column
   */
  static boolean isAtomic(DataType type) {
    return type == DataTypes.StringType
        || type == DataTypes.LongType
        || type == DataTypes.DoubleType
        || type == DataTypes.BooleanType;
  }
}
