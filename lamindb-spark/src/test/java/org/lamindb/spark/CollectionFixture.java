package org.lamindb.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lamindb.LaminDB;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.model.Dtype;
import org.lamindb.model.ULabel;
import org.lamindb.testing.Backend;

/**
 * An instance with {@link #N} Parquet artifacts (100 rows each: {@code id}, {@code score}, {@code
 * grp}) in collection {@code spark/coll}; artifact {@code i} has feature {@code gc_content = 0.1 *
 * i + 0.05} and, for even {@code i}, the label {@code treated}.
 */
final class CollectionFixture implements AutoCloseable {
  static final int N = 6;
  final Path tmp;
  final LaminDB ln;
  final List<Path> files = new ArrayList<>();
  final List<Artifact> artifacts = new ArrayList<>();
  final Collection collection;

  CollectionFixture(Backend backend) throws IOException {
    this(backend, null);
  }

  /**
   * @param storageRoot the default storage (e.g. an {@code s3://} root), or null for a local folder
   */
  CollectionFixture(Backend backend, String storageRoot) throws IOException {
    tmp = Files.createTempDirectory("lamin-spark-test");
    ln =
        storageRoot == null
            ? backend.newInstance(tmp)
            : Backend.setup(tmp).init(backend.options(storageRoot, "spark-s3"));
    LaminSpark.register(ln);
    ln.feature("gc_content", Dtype.FLOAT).save();
    ULabel treated = ln.ulabel("treated").save();
    Path data = Files.createDirectories(tmp.resolve("data"));
    for (int i = 0; i < N; i++) {
      Path f =
          Parquets.write(
              data.resolve("part-" + i + ".parquet"),
              "SELECT "
                  + i
                  + " * 1000 + r AS id, CAST((r % 7) * 0.5 + "
                  + i
                  + " AS DOUBLE) AS score, 'g' || (r % 3) AS grp FROM range(100) t(r)");
      files.add(f);
      Artifact a = ln.artifact(f).key("spark/part-" + i + ".parquet").save();
      a.features().addValues(Map.of("gc_content", 0.1 * i + 0.05));
      if (i % 2 == 0) {
        a.ulabels().add(treated);
      }
      artifacts.add(a);
    }
    collection = ln.collection(artifacts).key("spark/coll").save();
  }

  List<Path> files(int... indexes) {
    List<Path> out = new ArrayList<>();
    for (int i : indexes) {
      out.add(files.get(i));
    }
    return out;
  }

  @Override
  public void close() {
    LaminSpark.unregister(ln);
    LaminSpark.clearInputs(ln);
    ln.close();
  }
}
