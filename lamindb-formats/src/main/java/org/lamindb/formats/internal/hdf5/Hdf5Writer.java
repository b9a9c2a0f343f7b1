package org.lamindb.formats.internal.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.Consumer;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.internal.ArrayOps;
import org.lamindb.formats.anndata.internal.StoreWriter;

/**
 * Writes an HDF5 file through jHDF. jHDF writes whole new files only and strings as fixed-length
 * UTF-8; booleans get the enum type of h5py/anndata ({@link Hdf5BoolEnum}). Arrays are contiguous,
 * or chunked (and deflate-compressed when asked). The file is written to a temporary sibling and
 * moved into place, so a failed write leaves no partial file behind.
 */
public final class Hdf5Writer implements StoreWriter {
  private static final int CHUNK_BYTES = 1 << 20;
  private static final int COMPRESS_MIN_ELEMENTS = 1024;
  private static final long CONTIGUOUS_MAX_BYTES = 1L << 30;
  private final boolean gzip;
  private final Hdf5Writer parent;
  private final String name;
  private final Map<String, Object> pendingAttrs;
  private WritableGroup group;

  private Hdf5Writer(WritableGroup group, boolean gzip) {
    this.group = group;
    this.gzip = gzip;
    this.parent = null;
    this.name = null;
    this.pendingAttrs = null;
  }

  private Hdf5Writer(Hdf5Writer parent, String name, Map<String, Object> attrs) {
    this.gzip = parent.gzip;
    this.parent = parent;
    this.name = name;
    this.pendingAttrs = attrs;
  }

  /**
   * Groups are created when their first child is written: jHDF 0.13 corrupts the file when an empty
   * group is followed by a sibling, so empty groups (e.g. an empty {@code layers}) are left out.
   * anndata reads a missing element as empty.
   */
  private WritableGroup materialize() {
    if (group == null) {
      group = parent.materialize().putGroup(name);
      putAttrs(group, pendingAttrs);
    }
    return group;
  }

  /**
   * @return true when booleans are written as the HDF5 enum h5py and anndata use; false when jHDF's
   *     bitfields are used instead (Python then reads {@code uint8})
   */
  public static boolean writesBooleanEnums() {
    return Hdf5BoolEnum.SUPPORTED;
  }

  /**
   * Creates {@code path} (replacing it) and lets {@code body} fill the root group.
   *
   * @param gzip deflate-compress arrays of 1024+ elements in 1 MiB chunks; otherwise arrays are
   *     stored contiguous (chunked above 1 GiB), like anndata's default {@code compression=None}
   */
  public static void write(Path path, boolean gzip, Consumer<StoreWriter> body) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + path.getFileName(), ".tmp");
    try {
      try (WritableHdfFile f = HdfFile.write(tmp)) {
        body.accept(new Hdf5Writer(f, gzip));
      }
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public void attrs(Map<String, Object> attrs) {
    putAttrs(materialize(), attrs);
  }

  @Override
  public StoreWriter group(String name, Map<String, Object> attrs) {
    return new Hdf5Writer(this, name, attrs);
  }

  @Override
  public void array(
      String name, Object data, DType dtype, long[] shape, Map<String, Object> attrs) {
    int n = ArrayOps.length(data);
    if (n == 0) {
      throw new InvalidArgumentException(
          "Cannot write the empty array '"
              + name
              + "' under "
              + this.name
              + " to .h5ad: jHDF 0.13 cannot write zero-length datasets."
              + " Write the AnnData as .zarr instead.");
    }
    Object java = toJhdf(data, dtype);
    DatasetCreationOptions.Builder opts = DatasetCreationOptions.builder();
    boolean unsigned =
        dtype == DType.UINT8
            || dtype == DType.UINT16
            || dtype == DType.UINT32
            || dtype == DType.UINT64;
    if (unsigned) {
      opts.unsigned();
    }
    Object value;
    if (shape.length == 0) {
      value = Array.get(java, 0);
    } else if (shape.length == 1) {
      value = java;
    } else {
      value = reshape(java, shape);
    }
    boolean chunk =
        shape.length > 0
            && dtype != DType.STRING
            && (gzip ? n >= COMPRESS_MIN_ELEMENTS : (long) n * dtype.size() > CONTIGUOUS_MAX_BYTES);
    if (chunk) {
      int[] chunks = new int[shape.length];
      long inner = 1;
      for (int i = 1; i < shape.length; i++) {
        chunks[i] = (int) shape[i];
        inner *= shape[i];
      }
      long rows = Math.max(1, CHUNK_BYTES / Math.max(1, dtype.size()) / Math.max(1, inner));
      chunks[0] = (int) Math.max(1, Math.min(shape[0], rows));
      opts.chunkDimensions(chunks);
      if (gzip) {
        opts.deflate(4);
      }
    }
    WritableNode ds =
        materialize()
            .putDataset(
                name, value, chunk || unsigned ? opts.build() : DatasetCreationOptions.DEFAULT);
    if (dtype == DType.BOOL) {
      Hdf5BoolEnum.applyToDataset(ds);
    }
    putAttrs(ds, attrs);
  }

  private static Object toJhdf(Object data, DType dtype) {
    switch (dtype) {
      case UINT8:
        {
          short[] s = (short[]) data;
          byte[] b = new byte[s.length];
          for (int i = 0; i < s.length; i++) {
            b[i] = (byte) s[i];
          }
          return b;
        }
      case UINT16:
        {
          int[] s = (int[]) data;
          short[] b = new short[s.length];
          for (int i = 0; i < s.length; i++) {
            b[i] = (short) s[i];
          }
          return b;
        }
      case UINT32:
        {
          long[] s = (long[]) data;
          int[] b = new int[s.length];
          for (int i = 0; i < s.length; i++) {
            b[i] = (int) s[i];
          }
          return b;
        }
      case STRING:
        {
          String[] s = ((String[]) data).clone();
          for (int i = 0; i < s.length; i++) {
            if (s[i] == null) {
              s[i] = "";
            }
          }
          return s;
        }
      default:
        return data;
    }
  }

  private static Object reshape(Object flat, long[] shape) {
    if (shape.length == 1) {
      return flat;
    }
    int rows = Math.toIntExact(shape[0]);
    long per = 1;
    for (int i = 1; i < shape.length; i++) {
      per *= shape[i];
    }
    long[] inner = java.util.Arrays.copyOfRange(shape, 1, shape.length);
    Class<?> comp = flat.getClass().getComponentType();
    Object out = Array.newInstance(comp, dimsOf(shape));
    for (int r = 0; r < rows; r++) {
      Object part = ArrayOps.slice(flat, (int) (r * per), (int) ((r + 1) * per));
      Array.set(out, r, reshape(part, inner));
    }
    return out;
  }

  private static int[] dimsOf(long[] shape) {
    int[] d = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      d[i] = Math.toIntExact(shape[i]);
    }
    return d;
  }

  private static void putAttrs(WritableNode node, Map<String, Object> attrs) {
    if (attrs == null) {
      return;
    }
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      Object v = e.getValue();
      if (v != null && v.getClass().isArray() && ArrayOps.length(v) == 0) {
        // jHDF cannot write empty arrays; anndata reads list("") == [] for an empty column-order
        v = "";
      }
      try {
        node.putAttribute(e.getKey(), v);
        if (v instanceof Boolean || v instanceof boolean[]) {
          Hdf5BoolEnum.applyToAttribute(node.getAttribute(e.getKey()));
        }
      } catch (RuntimeException ex) {
        throw new StorageException(
            "Cannot write attribute '"
                + e.getKey()
                + "' = "
                + v
                + " on "
                + node.getPath()
                + ": "
                + ex.getMessage(),
            ex);
      }
    }
  }
}
