package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.anndata.DenseMatrix;

/**
 * The HDF5 library's banner and warnings ("Using development version of jHDF", "Writing files is in
 * alpha", "buffer still has N bytes remaining") never reach a user's terminal; {@code --verbose}
 * shows library logging.
 */
class QuietLibrariesCliTest {
  @TempDir Path tmp;

  private static void assertNoJhdfChatter(String text) {
    assertThat(text)
        .doesNotContain("jHDF")
        .doesNotContain("Writing files is in alpha")
        .doesNotContain("bytes remaining");
  }

  @Test
  void h5adWriteAndReadInTheCliPrintNoLibraryBanner() throws Exception {
    Path file = tmp.resolve("small.h5ad");
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    try {
      System.setOut(capture);
      System.setErr(capture);
      AnnData.of(DenseMatrix.of(new double[][] {{1, 2}, {3, 4}})).write(file);
      assertThat(AnnData.read(file).shape()).containsExactly(2, 2);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertNoJhdfChatter(captured.toString(StandardCharsets.UTF_8));

    LaminProcess lamin = new LaminProcess(tmp.resolve("home"), Map.of());
    assertThat(lamin.run("init", "--storage", tmp.resolve("data").toString()).exit()).isZero();
    var save = lamin.run("save", file.toString(), "--key", "small.h5ad");
    assertThat(save.exit()).as(save.err()).isZero();
    assertNoJhdfChatter(save.out() + save.err());
    var describe = lamin.run("describe", "--key", "small.h5ad");
    assertNoJhdfChatter(describe.out() + describe.err());

    var verbose = lamin.run("--verbose", "save", file.toString(), "--key", "again.h5ad");
    assertThat(verbose.exit()).as(verbose.err()).isZero();
    assertThat(verbose.out() + verbose.err()).contains("jHDF");
  }
}
