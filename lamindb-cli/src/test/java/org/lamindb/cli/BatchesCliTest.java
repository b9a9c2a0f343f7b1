package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.SparseMatrix;
import org.lamindb.model.Artifact;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code lamin batches} over a collection of two .h5ad artifacts, as summary lines and as Arrow. */
class BatchesCliTest {
  @TempDir Path tmp;

  /** Row r of file f has one stored value: variable (r % 3) = 100 f + r. */
  static Path write(Path dir, int f, int rows) {
    float[] data = new float[rows];
    int[] idx = new int[rows];
    long[] ptr = new long[rows + 1];
    StringColumn index = StringColumn.create("_index");
    StringColumn ct = StringColumn.create("cell_type");
    for (int r = 0; r < rows; r++) {
      data[r] = 100 * f + r;
      idx[r] = r % 3;
      ptr[r + 1] = r + 1;
      index.append("f" + f + "c" + r);
      ct.append(r % 2 == 0 ? "B" : "T");
    }
    AnnData a = new AnnData(
        new SparseMatrix(SparseMatrix.Format.CSR, data, DType.FLOAT32, idx, ptr, rows, 3),
        Table.create("obs", index, ct),
        Table.create("var", StringColumn.create("_index", "g0", "g1", "g2")));
    Path p = dir.resolve("part" + f + ".h5ad");
    a.writeH5ad(p);
    return p;
  }

  byte[] lamin(Path home, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(System.getProperty("lamin.launcher", "../bin/lamin")));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().put("LAMIN_HOME", home.toString());
    pb.environment().remove("LAMIN_INSTANCE");
    Path out = tmp.resolve("out-" + System.nanoTime());
    Path err = tmp.resolve("err-" + System.nanoTime());
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    return Files.readAllBytes(out);
  }

  @Test
  void streamsBatchesAsArrowAndSummaryLines() throws Exception {
    Path home = tmp.resolve("home");
    LaminProcess init = new LaminProcess(home, Map.of());
    assertThat(init.run("init", "--storage", tmp.resolve("store").toString()).exit()).isZero();
    List<String> uids = new ArrayList<>();
    try (LaminDB ln = LaminSetup.at(home, Map.of()).connect()) {
      List<Artifact> members = new ArrayList<>();
      members.add(ln.artifact(write(tmp, 0, 7)).key("atlas/part0.h5ad").save());
      members.add(ln.artifact(write(tmp, 1, 4)).key("atlas/part1.h5ad").save());
      members.forEach(m -> uids.add(m.uid()));
      ln.collection(members).key("atlas").save();
    }

    String summary = new String(lamin(home, "batches", "atlas", "--batch-size", "5"));
    assertThat(summary.lines().toList())
        .containsExactly(
            "collection atlas: 11 x 3",
            "batch 0: 5 samples, 5 stored values, first " + uids.get(0) + ":0",
            "batch 1: 5 samples, 5 stored values, first " + uids.get(0) + ":5",
            "batch 2: 1 samples, 1 stored values, first " + uids.get(1) + ":3");

    byte[] arrow = lamin(home, "batches", "atlas", "--obs", "cell_type", "--batch-size", "4",
        "--seed", "3", "--format", "arrow");
    List<String> ids = new ArrayList<>();
    try (var alloc = new RootAllocator();
        ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(arrow), alloc)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      assertThat(root.getSchema().getCustomMetadata())
          .containsEntry("var_index", "[\"g0\",\"g1\",\"g2\"]")
          .containsEntry("labels.cell_type", "[\"B\",\"T\"]");
      int batches = 0;
      while (reader.loadNextBatch()) {
        batches++;
        VarCharVector rowId = (VarCharVector) root.getVector("row_id");
        IntVector codes = (IntVector) root.getVector("cell_type");
        ListVector indices = (ListVector) root.getVector("x_indices");
        ListVector values = (ListVector) root.getVector("x_values");
        for (int i = 0; i < root.getRowCount(); i++) {
          String id = new String(rowId.get(i));
          ids.add(id);
          int f = id.startsWith(uids.get(0)) ? 0 : 1;
          int r = Integer.parseInt(id.substring(id.indexOf(':') + 1));
          assertThat(codes.get(i)).isEqualTo(r % 2);
          assertThat(indices.getObject(i)).isEqualTo(List.of(r % 3));
          assertThat(values.getObject(i)).isEqualTo(List.of((float) (100 * f + r)));
        }
      }
      assertThat(batches).isEqualTo(3);
    }
    assertThat(ids).hasSize(11).doesNotHaveDuplicates();
  }
}
