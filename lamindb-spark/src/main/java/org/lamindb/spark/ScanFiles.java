package org.lamindb.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.StorageException;
import org.lamindb.model.Artifact;

/**
 * Maps selected artifacts to the Parquet files Spark reads: local files (a folder artifact gives
 * its {@code .parquet} part files); {@code s3://} objects as {@code s3a://} when Spark has
 * hadoop-aws on its class path, else staged once through LaminDB's storage layer into the cache
 * ({@code artifact.cache()}, re-downloaded only when the object changed).
 */
final class ScanFiles {
  private ScanFiles() {}

  /** One Parquet file of one artifact. */
  record File(String artifactUid, String uri, long length) implements Serializable {}

  /**
   * @return whether {@code s3a://} can be read by Spark directly (hadoop-aws present)
   */
  static boolean hasS3a() {
    try {
      Class.forName(
          "org.apache.hadoop.fs.s3a.S3AFileSystem", false, ScanFiles.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * @return the files of {@code e}, in a stable order
   */
  static List<File> of(LaminDB ln, Members.Entry e) {
    requireParquet(e);
    String p = e.path();
    if (p.startsWith("s3://") && hasS3a() && !e.folder()) {
      return List.of(new File(e.uid(), "s3a://" + p.substring(5), e.size()));
    }
    Path local;
    if (p.startsWith("/") || p.startsWith("file:")) {
      local = p.startsWith("file:") ? Path.of(java.net.URI.create(p)) : Path.of(p);
    } else {
      Artifact a = ln.artifacts().get(e.uid());
      local = a.cache(); // staged through the storage layer; also records the run input
    }
    if (!e.folder() && e.size() >= 0) {
      // a file artifact: the registry knows its size, no stat needed at planning
      return List.of(new File(e.uid(), local.toUri().toString(), e.size()));
    }
    return local(e, local);
  }

  /** Refuses an artifact that is neither a Parquet file nor a folder (of Parquet files). */
  static void requireParquet(Members.Entry e) {
    String suffix = e.suffix().toLowerCase(Locale.ROOT);
    if (!suffix.isEmpty() && !suffix.equals(".parquet")) {
      throw new InvalidArgumentException(
          "artifact "
              + e.uid()
              + " ("
              + (e.key() == null ? "no key" : e.key())
              + ") has suffix "
              + e.suffix()
              + "; the lamindb Spark source reads Parquet files and folders of Parquet files;"
              + " narrow the selection, e.g. .option(\"artifacts\", \"suffix=.parquet\")");
    }
  }

  private static List<File> local(Members.Entry e, Path local) {
    if (Files.isDirectory(local)) {
      List<File> out = new ArrayList<>();
      try (Stream<Path> s = Files.walk(local)) {
        s.filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().endsWith(".parquet"))
            .filter(f -> !f.getFileName().toString().startsWith("."))
            .sorted()
            .forEach(f -> out.add(new File(e.uid(), f.toUri().toString(), size(f))));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      if (out.isEmpty()) {
        throw new InvalidArgumentException(
            "artifact " + e.uid() + " is a folder without .parquet files: " + local);
      }
      return out;
    }
    if (!Files.exists(local)) {
      throw new StorageException(
          "the content of artifact "
              + e.uid()
              + " is missing at "
              + local
              + "; run `lamin repair` or restore the file");
    }
    return List.of(new File(e.uid(), local.toUri().toString(), size(local)));
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
