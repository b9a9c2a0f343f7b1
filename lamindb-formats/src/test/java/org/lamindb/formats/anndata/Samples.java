package org.lamindb.formats.anndata;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lamindb.formats.AnnData;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A small AnnData holding every element kind, for round-trip tests. */
final class Samples {
  private Samples() {}

  static AnnData everyKind() {
    StringColumn cat = StringColumn.create("cell_type", "T", "B", "T", "NK");
    cat.set(3, null);
    cat.setMissing(3);
    IntColumn nullableInt = IntColumn.create("n_genes", 5, 7, 9, 11);
    nullableInt.setMissing(1);
    BooleanColumn nullableBool =
        BooleanColumn.create("qc_pass", new boolean[] {true, false, true, true});
    nullableBool.setMissing(2);
    Table obs =
        Table.create(
            "obs",
            StringColumn.create("_index", "c0", "c1", "c2", "c3"),
            cat,
            IntColumn.create("plain_int", 1, 2, 3, 4),
            nullableInt,
            BooleanColumn.create("is_doublet", new boolean[] {false, true, false, false}),
            nullableBool,
            DoubleColumn.create("score", 0.5, 1.5, Double.NaN, -2.0),
            FloatColumn.create("f32", new float[] {1f, 2f, 3f, 4f}),
            LongColumn.create("big", 1L << 40, 2, 3, -4),
            ShortColumn.create("small", new short[] {1, -1, 2, -2}));
    Table var =
        Table.create(
            "var",
            StringColumn.create("gene_ids", "ENSG1", "ENSG2", "ENSG3"),
            DoubleColumn.create("mean", 0.1, 0.2, 0.3));
    SparseMatrix x =
        new SparseMatrix(
            SparseMatrix.Format.CSR,
            new float[] {1, 2, 3, 4},
            DType.FLOAT32,
            new int[] {0, 2, 1, 2},
            new long[] {0, 2, 2, 3, 4},
            4,
            3);
    AnnData a = new AnnData(x, obs, var);
    a.layers()
        .put("dense", DenseMatrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}}));
    a.layers()
        .put(
            "counts_csc",
            new SparseMatrix(
                SparseMatrix.Format.CSC,
                new int[] {5, 6, 7},
                DType.INT32,
                new int[] {0, 3, 2},
                new long[] {0, 2, 2, 3},
                4,
                3));
    a.obsm()
        .put("X_umap", new DenseMatrix(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, DType.FLOAT32, 4, 2));
    a.obsm()
        .put(
            "meta",
            Table.create(
                "meta",
                StringColumn.create("_index", "c0", "c1", "c2", "c3"),
                DoubleColumn.create("v", 1, 2, 3, 4)));
    a.varm().put("PCs", new DenseMatrix(new double[] {1, 2, 3}, DType.FLOAT64, 3, 1));
    a.obsp()
        .put(
            "connectivities",
            new SparseMatrix(
                SparseMatrix.Format.CSR,
                new double[] {0.5, 0.5},
                DType.FLOAT64,
                new int[] {1, 0},
                new long[] {0, 1, 2, 2, 2},
                4,
                4));
    a.varp()
        .put("corr", new DenseMatrix(new long[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, DType.INT64, 3, 3));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("n_neighbors", 15L);
    params.put("method", "umap");
    params.put("use_rep", Boolean.TRUE);
    a.uns().put("title", "a tést ✓");
    a.uns().put("version", 3L);
    a.uns().put("resolution", 0.75);
    a.uns().put("flag", Boolean.FALSE);
    a.uns().put("weights", new double[] {0.25, 0.75});
    a.uns().put("colors", new String[] {"#ff0000", "#00ff00"});
    a.uns().put("counts", new long[] {3, 4, 5});
    a.uns().put("neighbors", params);
    a.uns().put("grid", new String[][] {{"a", "b"}, {"c", "d"}});
    a.uns().put("maybe", new Long[] {1L, null, 3L});
    a.uns().put("mat", DenseMatrix.of(new double[][] {{1, 2}, {3, 4}}));
    a.raw(
        new AnnData.Raw(
            new DenseMatrix(new float[16], DType.FLOAT32, 4, 4),
            Table.create("var", StringColumn.create("_index", "g1", "g2", "g3", "g4")),
            new LinkedHashMap<>()));
    return a;
  }
}
