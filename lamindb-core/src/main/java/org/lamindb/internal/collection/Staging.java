package org.lamindb.internal.collection;

import java.nio.file.Path;
import org.lamindb.internal.artifact.ArtifactFiles;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Artifact;
import org.lamindb.storage.StorageBackend;

/** Remote Parquet files for queries. */
final class Staging {
  private Staging() {}

  static Path path(Instance inst, StorageBackend b, Artifact a, String key) {
    return ArtifactFiles.of(inst).cache(a);
  }

  static TableFile.Stager stager(
      Instance inst, StorageBackend b, Artifact a, String key, Path local) {
    return null;
  }
}
