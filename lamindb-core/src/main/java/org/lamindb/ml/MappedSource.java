package org.lamindb.ml;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a mapped collection: the artifact it belongs to and where its content can be read.
 *
 * @param artifactUid uid of the artifact (used in row ids {@code <uid>:<row>})
 * @param path local path of the {@code .h5ad} file or {@code .zarr} store
 */
public record MappedSource(String artifactUid, Path path) {
  /** Checks that both parts are given. */
  public MappedSource {
    Objects.requireNonNull(artifactUid, "artifactUid");
    Objects.requireNonNull(path, "path");
  }
}
