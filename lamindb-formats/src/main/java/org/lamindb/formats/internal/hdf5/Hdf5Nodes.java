package org.lamindb.formats.internal.hdf5;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.ArrayDataType;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import io.jhdf.object.message.DataLayout;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.StorageException;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.internal.ArrayOps;
import org.lamindb.formats.anndata.internal.StoreArray;
import org.lamindb.formats.anndata.internal.StoreGroup;
import org.lamindb.formats.anndata.internal.StoreNode;

/** Adapts jHDF nodes to the store interfaces of the AnnData codec. */
final class Hdf5Nodes {
  private Hdf5Nodes() {}

  static StoreNode wrap(Node node, Hdf5Store store) {
    if (node == null) {
      return null;
    }
    if (node instanceof Group) {
      return new H5Group((Group) node, store);
    }
    if (node instanceof Dataset) {
      return new H5Array((Dataset) node, store);
    }
    return null;
  }

  static Map<String, Object> attrs(Node node) {
    Map<String, Attribute> raw = node.getAttributes();
    if (raw.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Attribute> e : raw.entrySet()) {
      try {
        Object v = normalizeAttr(e.getValue());
        if (v != null) {
          out.put(e.getKey(), v);
        }
      } catch (RuntimeException ex) {
        // object references (legacy "categories" links) and exotic types are not needed by the
        // codec
      }
    }
    return out;
  }

  private static Object normalizeAttr(Attribute a) {
    DataType type = a.getDataType();
    if (a.isEmpty()) {
      return type instanceof StringData || type instanceof VariableLength
          ? new String[0]
          : new double[0];
    }
    Object data = a.getData();
    if (type instanceof EnumDataType && isBoolEnum((EnumDataType) type)) {
      return a.isScalar() ? "TRUE".equals(data) : toBooleans(data);
    }
    if (a.isScalar()) {
      if (data instanceof Number && !(data instanceof Double || data instanceof Float)) {
        return ((Number) data).longValue();
      }
      if (data instanceof Number) {
        return ((Number) data).doubleValue();
      }
      if (data instanceof Boolean || data instanceof String) {
        return data;
      }
      return data == null ? null : data.toString();
    }
    Object flat = flatten(data);
    if (flat instanceof String[] || flat instanceof boolean[] || flat instanceof double[]) {
      return flat;
    }
    if (flat instanceof float[]) {
      float[] f = (float[]) flat;
      double[] d = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        d[i] = f[i];
      }
      return d;
    }
    if (flat instanceof BigInteger[]) {
      return ArrayOps.toLongs(bigToLongs((BigInteger[]) flat));
    }
    if (flat.getClass().getComponentType().isPrimitive()) {
      return ArrayOps.toLongs(flat);
    }
    return null;
  }

  static boolean isBoolEnum(EnumDataType e) {
    Map<Integer, String> m = e.getEnumMapping();
    return m.size() == 2 && "FALSE".equals(m.get(0)) && "TRUE".equals(m.get(1));
  }

  static boolean[] toBooleans(Object names) {
    Object flat = flatten(names);
    int n = Array.getLength(flat);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = "TRUE".equals(Array.get(flat, i));
    }
    return out;
  }

  static long[] bigToLongs(BigInteger[] b) {
    long[] out = new long[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[i] == null ? 0 : b[i].longValue();
    }
    return out;
  }

  /** Flattens a possibly multi-dimensional Java array to one dimension, row-major. */
  static Object flatten(Object data) {
    if (data == null || !data.getClass().isArray()) {
      return data;
    }
    Class<?> comp = data.getClass().getComponentType();
    if (!comp.isArray()) {
      return data;
    }
    List<Object> parts = new ArrayList<>();
    int total = 0;
    int n = Array.getLength(data);
    for (int i = 0; i < n; i++) {
      Object p = flatten(Array.get(data, i));
      parts.add(p);
      total += Array.getLength(p);
    }
    Class<?> leaf = comp;
    while (leaf.isArray()) {
      leaf = leaf.getComponentType();
    }
    Object out = Array.newInstance(leaf, total);
    int pos = 0;
    for (Object p : parts) {
      int len = Array.getLength(p);
      System.arraycopy(p, 0, out, pos, len);
      pos += len;
    }
    return out;
  }

  static DType dtypeOf(DataType t, String where) {
    if (t instanceof FixedPoint) {
      FixedPoint f = (FixedPoint) t;
      boolean s = f.isSigned();
      switch (f.getSize()) {
        case 1:
          return s ? DType.INT8 : DType.UINT8;
        case 2:
          return s ? DType.INT16 : DType.UINT16;
        case 4:
          return s ? DType.INT32 : DType.UINT32;
        case 8:
          return s ? DType.INT64 : DType.UINT64;
        default:
          break;
      }
    } else if (t instanceof FloatingPoint) {
      if (t.getSize() == 4) {
        return DType.FLOAT32;
      } else if (t.getSize() == 8) {
        return DType.FLOAT64;
      }
    } else if (t instanceof StringData) {
      return DType.STRING;
    } else if (t instanceof VariableLength && ((VariableLength) t).isVariableLengthString()) {
      return DType.STRING;
    } else if (t instanceof BitField) {
      return DType.BOOL;
    } else if (t instanceof EnumDataType) {
      return isBoolEnum((EnumDataType) t) ? DType.BOOL : DType.STRING;
    } else if (t instanceof CompoundDataType) {
      return null;
    }
    throw new org.lamindb.ValidationException(
        "unsupported HDF5 data type "
            + t.getClass().getSimpleName()
            + " (size "
            + t.getSize()
            + ") at "
            + where);
  }

  /**
   * Converts what jHDF returns for a flat dataset read into the canonical array of {@code dtype}.
   */
  static Object canonical(Object flat, DataType t, DType dtype) {
    if (flat == null) {
      return ArrayOps.allocate(dtype, 0);
    }
    if (!flat.getClass().isArray()) {
      Object one = Array.newInstance(flat.getClass(), 1);
      Array.set(one, 0, flat);
      flat = one;
    }
    if (dtype == DType.BOOL) {
      if (t instanceof EnumDataType) {
        return toBooleans(flat);
      }
      if (flat instanceof boolean[]) {
        return flat;
      }
      if (flat instanceof Boolean[]) {
        Boolean[] b = (Boolean[]) flat;
        boolean[] out = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
          out[i] = Boolean.TRUE.equals(b[i]);
        }
        return out;
      }
      int n = Array.getLength(flat);
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = ArrayOps.getLong(flat, i) != 0;
      }
      return out;
    }
    if (dtype == DType.STRING) {
      if (flat instanceof String[]) {
        return flat;
      }
      int n = Array.getLength(flat);
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        Object v = Array.get(flat, i);
        out[i] = v == null ? null : v.toString();
      }
      return out;
    }
    if (flat instanceof BigInteger[]) {
      flat = bigToLongs((BigInteger[]) flat);
    }
    if (dtype.arrayType().isInstance(flat)) {
      return flat;
    }
    int n = Array.getLength(flat);
    Object out = ArrayOps.allocate(dtype, n);
    for (int i = 0; i < n; i++) {
      long v = ArrayOps.getLong(flat, i);
      switch (dtype) {
        case INT8:
          ((byte[]) out)[i] = (byte) v;
          break;
        case UINT8:
        case INT16:
          ((short[]) out)[i] = (short) v;
          break;
        case UINT16:
        case INT32:
          ((int[]) out)[i] = (int) v;
          break;
        default:
          ((long[]) out)[i] = v;
      }
    }
    return out;
  }

  /** The element type of a compound member, looking through fixed-size array members. */
  static DataType memberBase(DataType t) {
    return t instanceof ArrayDataType ? ((ArrayDataType) t).getBaseType() : t;
  }

  /** A jHDF group. */
  static final class H5Group implements StoreGroup {
    private final Group group;
    private final Hdf5Store store;
    private Map<String, Object> attrs;

    H5Group(Group group, Hdf5Store store) {
      this.group = group;
      this.store = store;
    }

    @Override
    public String path() {
      return group.getPath();
    }

    @Override
    public Map<String, Object> attrs() {
      if (attrs == null) {
        attrs = Hdf5Nodes.attrs(group);
      }
      return attrs;
    }

    @Override
    public List<String> childNames() {
      return new ArrayList<>(group.getChildren().keySet());
    }

    @Override
    public StoreNode child(String name) {
      Node n = group.getChildren().get(name);
      return wrap(n, store);
    }
  }

  /** A jHDF dataset. */
  static final class H5Array implements StoreArray {
    private final Dataset ds;
    private final Hdf5Store store;
    private Map<String, Object> attrs;

    H5Array(Dataset ds, Hdf5Store store) {
      this.ds = ds;
      this.store = store;
    }

    Dataset dataset() {
      return ds;
    }

    Hdf5Store store() {
      return store;
    }

    @Override
    public String path() {
      return ds.getPath();
    }

    @Override
    public Map<String, Object> attrs() {
      if (attrs == null) {
        attrs = Hdf5Nodes.attrs(ds);
      }
      return attrs;
    }

    @Override
    public long[] shape() {
      return ds.isScalar() || isNull() ? new long[0] : ds.getDimensionsAsLong();
    }

    /** A null dataspace (no dimensions, no data); a zero-length array has dimensions. */
    @Override
    public boolean isNull() {
      return ds.isEmpty() && !ds.isScalar() && ds.getDimensions().length == 0;
    }

    @Override
    public DType dtype() {
      return dtypeOf(ds.getDataType(), store.describe(path()));
    }

    @Override
    public List<String> fieldNames() {
      if (!(ds.getDataType() instanceof CompoundDataType)) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (CompoundDataType.CompoundDataMember m :
          ((CompoundDataType) ds.getDataType()).getMembers()) {
        names.add(m.getName());
      }
      return names;
    }

    @Override
    public Object read() {
      if (isNull()) {
        return null;
      }
      if (ds.isEmpty()) {
        return emptyValues();
      }
      checkBudget(ds.isScalar() ? 1 : ds.getSize());
      return guarded(() -> convert(ds.getDataFlat()));
    }

    private Object emptyValues() {
      DType d = dtype();
      if (d != null) {
        return ArrayOps.allocate(d, 0);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (CompoundDataType.CompoundDataMember m :
          ((CompoundDataType) ds.getDataType()).getMembers()) {
        DType md = dtypeOf(memberBase(m.getDataType()), store.describe(path()));
        out.put(m.getName(), ArrayOps.allocate(md == null ? DType.STRING : md, 0));
      }
      return out;
    }

    @Override
    public int[] fieldShape(String field) {
      if (ds.getDataType() instanceof CompoundDataType) {
        for (CompoundDataType.CompoundDataMember m :
            ((CompoundDataType) ds.getDataType()).getMembers()) {
          if (m.getName().equals(field) && m.getDataType() instanceof ArrayDataType) {
            return ((ArrayDataType) m.getDataType()).getArrayTypeDimensions().clone();
          }
        }
      }
      return new int[0];
    }

    private Object guarded(java.util.function.Supplier<Object> body) {
      try {
        return body.get();
      } catch (org.lamindb.LaminException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new StorageException(
            "Cannot read " + store.describe(path()) + " (corrupt or unsupported data): " + e, e);
      }
    }

    @Override
    public Object readRows(long start, long count) {
      long[] dims = shape();
      if (dims.length == 0 || start < 0 || count < 0 || start + count > dims[0]) {
        throw new StorageException(
            "row range ["
                + start
                + ", "
                + (start + count)
                + ") is outside "
                + store.describe(path())
                + " with "
                + (dims.length == 0 ? 0 : dims[0])
                + " rows");
      }
      long per = 1;
      int[] slab = new int[dims.length];
      long[] offset = new long[dims.length];
      slab[0] = Math.toIntExact(count);
      offset[0] = start;
      for (int i = 1; i < dims.length; i++) {
        slab[i] = Math.toIntExact(dims[i]);
        per *= dims[i];
      }
      checkBudget(count * per);
      if (count == 0) {
        DType d = dtype();
        return d == null ? new LinkedHashMap<String, Object>() : ArrayOps.allocate(d, 0);
      }
      return guarded(() -> convert(flatten(ds.getData(offset, slab))));
    }

    private Object convert(Object raw) {
      if (ds.getDataType() instanceof CompoundDataType) {
        Map<String, Object> out = new LinkedHashMap<>();
        CompoundDataType ct = (CompoundDataType) ds.getDataType();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) raw;
        for (CompoundDataType.CompoundDataMember member : ct.getMembers()) {
          DataType mt = memberBase(member.getDataType());
          DType d = dtypeOf(mt, store.describe(path()) + "." + member.getName());
          if (d == null) {
            throw new StorageException(
                "nested compound member "
                    + store.describe(path())
                    + "."
                    + member.getName()
                    + " is not supported");
          }
          out.put(member.getName(), canonical(flatten(m.get(member.getName())), mt, d));
        }
        return out;
      }
      return canonical(flatten(raw), ds.getDataType(), dtype());
    }

    private void checkBudget(long elements) {
      long elementSize = Math.max(1, ds.getDataType().getSize());
      long bytes = elements * elementSize;
      store.checkAllocation(path(), elements, bytes);
      if (ds.getDataLayout() == DataLayout.CONTIGUOUS
          && ds.getFilters().isEmpty()
          && bytes > store.fileSize()) {
        throw new StorageException(
            store.describe(path())
                + " declares "
                + bytes
                + " bytes of uncompressed data but the file"
                + " has only "
                + store.fileSize()
                + " bytes: the file is truncated or corrupt");
      }
    }
  }
}
