package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lamindb.LaminException;
import org.lamindb.ValidationException;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.anndata.internal.StoreArray;
import org.lamindb.formats.anndata.internal.StoreGroup;
import org.lamindb.formats.anndata.internal.StoreNode;
import org.lamindb.formats.internal.hdf5.Hdf5Store;

/**
 * The shared HDF5 feature files (jHDF's test files, h5py's, Cell Ranger's): every dataset is read
 * through our HDF5 adapter (success, or a LaminException naming the dataset for an unsupported type
 * or filter), and opening any of them as AnnData is rejected as "not an AnnData store".
 */
class SharedHdf5FilesTest {

  static Stream<String> files() throws IOException {
    Path dir = hdf5Dir();
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  static Path hdf5Dir() {
    return SharedData.formats().resolve("hdf5");
  }

  private static void walk(StoreGroup g, List<String> ok, List<String> rejected) {
    for (String name : g.childNames()) {
      StoreNode n;
      try {
        n = g.child(name);
      } catch (LaminException e) {
        rejected.add(name + ": " + e.getMessage());
        continue;
      }
      if (n instanceof StoreGroup) {
        walk((StoreGroup) n, ok, rejected);
      } else if (n instanceof StoreArray) {
        try {
          ((StoreArray) n).attrs();
          ((StoreArray) n).read();
          ok.add(n.path());
        } catch (LaminException e) {
          assertThat(e.getMessage()).contains(name);
          rejected.add(n.path() + ": " + e.getMessage());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyDatasetReadsOrIsRejectedClearly(String file) {
    Path p = hdf5Dir().resolve(file);
    List<String> ok = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    try (Hdf5Store store = Hdf5Store.open(p)) {
      try {
        walk(store.root(), ok, rejected);
      } catch (RuntimeException e) {
        // jHDF errors while listing a group surface as library exceptions: must be wrapped by
        // callers
        assertThat(AnnDataLike.wrap(p, e)).isInstanceOf(LaminException.class);
        rejected.add("walk: " + e);
      }
    }
    System.out.println(file + ": " + ok.size() + " datasets read, rejected: " + rejected);
    assertThatThrownBy(() -> AnnData.read(p))
        .isInstanceOf(LaminException.class)
        .satisfies(
            e ->
                assertThat(e instanceof ValidationException || e.getMessage().contains(file))
                    .isTrue());
  }

  /** Wraps like {@code Guard} does for public entry points. */
  static final class AnnDataLike {
    static LaminException wrap(Path p, RuntimeException e) {
      return e instanceof LaminException
          ? (LaminException) e
          : new org.lamindb.StorageException("Cannot read " + p + ": " + e, e);
    }
  }
}
