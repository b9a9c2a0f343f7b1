package org.lamindb.formats.ml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.internal.ArrayOps;
import org.lamindb.formats.anndata.internal.ElementReader;
import org.lamindb.formats.anndata.internal.StoreArray;
import org.lamindb.formats.anndata.internal.StoreGroup;
import org.lamindb.formats.anndata.internal.StoreNode;
import org.lamindb.formats.internal.hdf5.Hdf5Store;
import org.lamindb.formats.internal.zarr.ZarrStore;
import org.lamindb.ml.FloatMatrix;

/**
 * Reads row ranges of one file's matrix (X, a layer or raw.X) for one thread. The matrix's arrays
 * are resolved once; contiguous, unfiltered HDF5 arrays (anndata's default) are read straight from
 * the file's bytes at their address, everything else (chunked HDF5, zarr) through the store, whose
 * zarr arrays keep their last decoded chunks.
 */
final class FileReader implements AutoCloseable {
  private final Hdf5Store hdf5;
  private final boolean csr;
  private final long cols;
  private final Part indptr;
  private final Part indices;
  private final Part data;
  private final SeekableByteChannel channel;
  private ByteBuffer buf = ByteBuffer.allocate(0);

  /** One stored array: read through the store, or at a byte address of the file. */
  private record Part(StoreArray array, Hdf5Store.Extent extent) {}

  private FileReader(Path path, String layer) throws IOException {
    StoreGroup root;
    if (Files.isDirectory(path)
        || path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zarr")) {
      hdf5 = null;
      root = ZarrStore.open(path).group("/");
    } else {
      hdf5 = Hdf5Store.open(path);
      root = hdf5.root();
    }
    ElementReader r = new ElementReader(path.toString());
    StoreNode node = matrixNode(root, layer, path);
    String enc = r.encodingType(node);
    csr = enc.equals("csr_matrix");
    if (csr) {
      StoreGroup g = r.asGroup(node);
      cols = r.sparseShape(g)[1];
      indptr = part(r.asArray(r.require(g, "indptr")));
      indices = part(r.asArray(r.require(g, "indices")));
      data = part(r.asArray(r.require(g, "data")));
    } else if (enc.equals("array")) {
      StoreArray a = r.asArray(node);
      long[] s = a.shape();
      cols = s.length == 2 ? s[1] : 1;
      indptr = null;
      indices = null;
      data = part(a);
    } else {
      throw new InvalidArgumentException(
          "FileReader reads CSR and dense matrices; " + path + " stores " + layer + " as " + enc);
    }
    boolean direct = data.extent() != null || (indices != null && indices.extent() != null);
    channel = direct ? openChannel(path) : null;
  }

  static FileReader open(Path path, String layer) {
    try {
      return new FileReader(path, layer);
    } catch (IOException e) {
      throw new StorageException("Cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static SeekableByteChannel openChannel(Path p) throws IOException {
    if (p.getFileSystem() == FileSystems.getDefault()) {
      return FileChannel.open(p, StandardOpenOption.READ);
    }
    return Files.newByteChannel(p, StandardOpenOption.READ);
  }

  private Part part(StoreArray a) {
    return new Part(a, hdf5 == null ? null : Hdf5Store.extent(a));
  }

  static StoreNode matrixNode(StoreGroup root, String layer, Path path) {
    StoreNode n;
    if (layer == null || layer.equals("X")) {
      n = root.child("X");
    } else if (layer.equals("raw.X")) {
      n = root.child("raw") instanceof StoreGroup raw ? raw.child("X") : null;
    } else {
      n = root.child("layers") instanceof StoreGroup l ? l.child(layer) : null;
    }
    if (n == null) {
      throw new InvalidArgumentException(path + " has no matrix '" + layer + "'");
    }
    return n;
  }

  /**
   * @return rows {@code [from, to)} as floats, in the file's own columns
   */
  FloatMatrix rows(int from, int to) {
    int n = to - from;
    if (!csr) {
      int c = (int) cols;
      float[] v =
          data.extent() != null
              ? floats(data, (long) from * c, n * c)
              : Floats.of(data.array().readRows(from, n), data.array().dtype());
      return FloatMatrix.dense(n, c, v);
    }
    long[] p = longs(indptr, from, n + 1);
    long start = p[0];
    int nnz = Math.toIntExact(p[n] - start);
    int[] ptr = new int[n + 1];
    for (int i = 0; i <= n; i++) {
      ptr[i] = (int) (p[i] - start);
    }
    return FloatMatrix.csr(n, (int) cols, ptr, ints(indices, start, nnz), floats(data, start, nnz));
  }

  private ByteBuffer bytes(Hdf5Store.Extent e, long first, int count) {
    long len = (long) count * e.itemSize();
    if (len > Integer.MAX_VALUE) {
      throw new InvalidArgumentException(
          "a read of " + len + " bytes is too large; use fewer rows");
    }
    if (buf.capacity() < len) {
      buf = ByteBuffer.allocateDirect((int) Math.max(len, buf.capacity() * 3L / 2));
    }
    buf.clear().limit((int) len);
    long pos = e.fileOffset() + first * e.itemSize();
    try {
      while (buf.hasRemaining()) {
        int k =
            channel instanceof FileChannel fc
                ? fc.read(buf, pos + buf.position())
                : channel.position(pos + buf.position()).read(buf);
        if (k < 0) {
          throw new StorageException("unexpected end of file reading " + e + " (truncated?)");
        }
      }
    } catch (IOException ex) {
      throw new StorageException("Cannot read " + len + " bytes at " + pos + ": " + ex, ex);
    }
    buf.flip();
    return buf.order(e.order());
  }

  private float[] floats(Part part, long first, int count) {
    Hdf5Store.Extent e = part.extent();
    if (e != null && (e.dtype() == DType.FLOAT32 || e.dtype() == DType.FLOAT64)) {
      float[] out = new float[count];
      ByteBuffer b = bytes(e, first, count);
      if (e.dtype() == DType.FLOAT32) {
        b.asFloatBuffer().get(out);
      } else {
        var d = b.asDoubleBuffer();
        for (int i = 0; i < count; i++) {
          out[i] = (float) d.get(i);
        }
      }
      return out;
    }
    StoreArray a = part.array();
    return Floats.of(a.readRows(first, count), a.dtype());
  }

  private int[] ints(Part part, long first, int count) {
    Hdf5Store.Extent e = part.extent();
    if (e != null && e.dtype() == DType.INT32) {
      int[] out = new int[count];
      bytes(e, first, count).asIntBuffer().get(out);
      return out;
    }
    if (e != null && e.dtype() == DType.INT64) {
      var b = bytes(e, first, count).asLongBuffer();
      int[] out = new int[count];
      for (int i = 0; i < count; i++) {
        out[i] = Math.toIntExact(b.get(i));
      }
      return out;
    }
    return ArrayOps.toInts(part.array().readRows(first, count));
  }

  private long[] longs(Part part, long first, int count) {
    Hdf5Store.Extent e = part.extent();
    if (e != null && (e.dtype() == DType.INT64 || e.dtype() == DType.INT32)) {
      long[] out = new long[count];
      ByteBuffer b = bytes(e, first, count);
      if (e.dtype() == DType.INT64) {
        b.asLongBuffer().get(out);
      } else {
        var ib = b.asIntBuffer();
        for (int i = 0; i < count; i++) {
          out[i] = ib.get(i);
        }
      }
      return out;
    }
    return ArrayOps.toLongs(part.array().readRows(first, count));
  }

  @Override
  public void close() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // read-only channel
    }
    if (hdf5 != null) {
      hdf5.close();
    }
  }
}
