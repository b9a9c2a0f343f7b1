package org.lamindb.internal.collection;

import java.nio.file.Path;
import org.lamindb.internal.artifact.ArtifactFiles;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Artifact;
import org.lamindb.storage.StorageBackend;

/**
 * Remote Parquet files for queries: a sparse local copy per artifact, content-addressed by the
 * artifact's hash below {@code <cache>/.lamindb-staged/}, filled by ranged reads with only the
 * footer and the column chunks a query references ({@link SparseParquet}). Artifacts without a hash
 * or size are cached whole.
 */
final class Staging {
  static final String DIR = ".lamindb-staged";

  private Staging() {}

  static Path path(Instance inst, StorageBackend b, Artifact a, String key) {
    if (!stageable(a)) {
      return ArtifactFiles.of(inst).cache(a);
    }
    return inst.cacheDir().resolve(DIR).resolve(fileName(a.hash(), a.size()));
  }

  static TableFile.Stager stager(
      Instance inst, StorageBackend b, Artifact a, String key, Path local) {
    if (!stageable(a)) {
      return null;
    }
    return SparseParquet.of(b, key, a.size(), local);
  }

  private static boolean stageable(Artifact a) {
    return a.hash() != null && a.size() != null && a.size() >= 12;
  }

  /**
   * A file name from a content hash (LaminDB hashes are url-safe base64; anything else escaped).
   */
  static String fileName(String hash, long size) {
    StringBuilder sb = new StringBuilder();
    for (char c : hash.toCharArray()) {
      sb.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '~');
    }
    return sb.append('-').append(size).append(".parquet").toString();
  }
}
