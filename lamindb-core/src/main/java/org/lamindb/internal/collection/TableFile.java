package org.lamindb.internal.collection;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One file behind a {@link DuckTableSource}.
 *
 * @param artifactUid uid of the artifact the file belongs to
 * @param label how errors name the artifact (key, else uid)
 * @param path local path DuckDB reads (the file, or a staged sparse copy of a remote one)
 * @param format {@code parquet}, {@code csv} or {@code tsv}
 * @param contentKey content hash of the file (cache key of its metadata), or null
 * @param stager fetches byte ranges of a remote file into {@code path} before a query, or null for
 *     local files
 */
public record TableFile(
    String artifactUid, String label, Path path, String format, String contentKey, Stager stager) {

  /** Makes a remote Parquet file's needed parts present in its local sparse copy. */
  public interface Stager {
    /** Fetches the footer (once); afterwards {@code path} is readable as far as metadata goes. */
    void footer();

    /**
     * Fetches the column chunks of {@code columns} (null: all) that are not present yet, in every
     * row group whose footer statistics do not rule out the conjuncts {@code where}.
     *
     * @param columns lower-cased column names a query references, or null for all
     * @param where the query's simple WHERE conjuncts (empty: every row group)
     */
    void stage(Set<String> columns, List<SqlShape.Pred> where);

    /**
     * @return row groups the last {@link #stage} left out by their statistics, and the file's row
     *     groups
     */
    default int[] rowGroups() {
      return new int[] {0, 0};
    }

    /**
     * @return bytes transferred from object storage by this process so far
     */
    default long fetchedBytes() {
      return 0;
    }

    /**
     * @return size of the remote object in bytes
     */
    default long totalBytes() {
      return 0;
    }
  }

  /**
   * @return a local file record without staging
   */
  public static TableFile local(
      String artifactUid, String label, Path path, String format, String contentKey) {
    return new TableFile(artifactUid, label, path, format, contentKey, null);
  }
}
