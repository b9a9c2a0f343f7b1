package org.lamindb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.lamindb.ml.Batch;
import org.lamindb.ml.BatchOptions;
import org.lamindb.ml.FloatMatrix;
import org.lamindb.ml.MappedCollection;

/** Writes batches as an Arrow IPC stream (one record batch per {@link Batch}). */
final class ArrowBatches {
  private ArrowBatches() {}

  static Schema schema(MappedCollection mc, boolean sparse) throws IOException {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("row_id", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null));
    for (String key : mc.obsKeys()) {
      fields.add(new Field(key, FieldType.notNullable(new ArrowType.Int(32, true)), null));
    }
    Field f32 = new Field("item", FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), null);
    if (sparse) {
      Field i32 = new Field("item", FieldType.notNullable(new ArrowType.Int(32, true)), null);
      fields.add(new Field("x_indices", FieldType.notNullable(ArrowType.List.INSTANCE), List.of(i32)));
      fields.add(new Field("x_values", FieldType.notNullable(ArrowType.List.INSTANCE), List.of(f32)));
    } else {
      int cols = Math.toIntExact(mc.shape()[1]);
      fields.add(new Field("x", FieldType.notNullable(new ArrowType.FixedSizeList(cols)), List.of(f32)));
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("var_index", json.writeValueAsString(mc.varIndex()));
    for (String key : mc.obsKeys()) {
      meta.put("labels." + key, json.writeValueAsString(mc.labels(key)));
    }
    return new Schema(fields, meta);
  }

  static void write(MappedCollection mc, BatchOptions o, long maxBatches, OutputStream out) throws IOException {
    var it = mc.batches(o).iterator();
    if (!it.hasNext()) {
      return;
    }
    Batch first = it.next();
    boolean sparse = first.x().sparse();
    try (BufferAllocator alloc = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(schema(mc, sparse), alloc);
        ArrowStreamWriter w = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
      w.start();
      long n = 0;
      for (Batch b = first; b != null && n < maxBatches; b = it.hasNext() ? it.next() : null, n++) {
        fill(root, mc, b);
        w.writeBatch();
      }
      w.end();
    }
  }

  private static void fill(VectorSchemaRoot root, MappedCollection mc, Batch b) {
    int n = b.size();
    root.clear();
    VarCharVector ids = (VarCharVector) root.getVector("row_id");
    ids.allocateNew(n);
    for (int i = 0; i < n; i++) {
      ids.setSafe(i, b.rowIds().get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    ids.setValueCount(n);
    for (String key : mc.obsKeys()) {
      IntVector v = (IntVector) root.getVector(key);
      v.allocateNew(n);
      int[] codes = b.obs(key);
      for (int i = 0; i < n; i++) {
        v.set(i, codes[i]);
      }
      v.setValueCount(n);
    }
    FloatMatrix x = b.x();
    if (x.sparse()) {
      ListVector idx = (ListVector) root.getVector("x_indices");
      ListVector val = (ListVector) root.getVector("x_values");
      idx.allocateNew();
      val.allocateNew();
      IntVector ci = (IntVector) idx.getDataVector();
      Float4Vector cv = (Float4Vector) val.getDataVector();
      int nnz = x.data().length;
      ci.allocateNew(nnz);
      cv.allocateNew(nnz);
      for (int k = 0; k < nnz; k++) {
        ci.set(k, x.indices()[k]);
        cv.set(k, x.data()[k]);
      }
      ci.setValueCount(nnz);
      cv.setValueCount(nnz);
      for (int i = 0; i < n; i++) {
        idx.startNewValue(i);
        idx.endValue(i, x.indptr()[i + 1] - x.indptr()[i]);
        val.startNewValue(i);
        val.endValue(i, x.indptr()[i + 1] - x.indptr()[i]);
      }
      idx.setValueCount(n);
      val.setValueCount(n);
    } else {
      FixedSizeListVector dense = (FixedSizeListVector) root.getVector("x");
      dense.allocateNew();
      Float4Vector cv = (Float4Vector) dense.getDataVector();
      float[] d = x.data();
      cv.allocateNew(d.length);
      for (int k = 0; k < d.length; k++) {
        cv.set(k, d[k]);
      }
      cv.setValueCount(d.length);
      for (int i = 0; i < n; i++) {
        dense.setNotNull(i);
      }
      dense.setValueCount(n);
    }
    root.setRowCount(n);
  }
}
