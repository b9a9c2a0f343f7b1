package org.lamindb.formats.internal.hdf5;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lamindb.StorageException;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.internal.StoreArray;
import org.lamindb.formats.anndata.internal.StoreGroup;

/**
 * An HDF5 file opened read-only through jHDF. Datasets are read on demand, so holding a store open
 * costs only its metadata. Every read is checked against the heap and the file size first, so a
 * corrupt or hostile file fails with a {@link StorageException} instead of an {@link
 * OutOfMemoryError}.
 */
public final class Hdf5Store implements AutoCloseable {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private final Path file;
  private final HdfFile hdf;
  private final long fileSize;

  private Hdf5Store(Path file, HdfFile hdf, long fileSize) {
    this.file = file;
    this.hdf = hdf;
    this.fileSize = fileSize;
  }

  /**
   * Opens an HDF5 file.
   *
   * @throws StorageException when the file is missing, not HDF5, or its superblock is corrupt
   */
  public static Hdf5Store open(Path file) {
    long size;
    try {
      size = Files.size(file);
      if (!hasSignature(file)) {
        throw new StorageException(
            "Cannot read "
                + file
                + ": not an HDF5 file (no HDF5 signature at offset 0, 512, 1024, ...)."
                + " Check the file suffix matches its content.");
      }
    } catch (IOException e) {
      throw new StorageException("Cannot read " + file + ": " + e, e);
    }
    try {
      HdfFile h =
          file.getFileSystem() == java.nio.file.FileSystems.getDefault()
              ? new HdfFile(file)
              : new HdfFile(Files.newByteChannel(file), file.toUri());
      return new Hdf5Store(file, h, size);
    } catch (StorageException e) {
      throw e;
    } catch (IOException e) {
      throw new StorageException("Cannot read " + file + ": " + e, e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new StorageException(
          "Cannot read " + file + " as HDF5 (truncated or corrupt?): " + e, e);
    }
  }

  private static boolean hasSignature(Path file) throws IOException {
    try (var ch = Files.newByteChannel(file)) {
      long size = ch.size();
      // the superblock sits at 0 or after a user block of 512 * 2^k bytes
      for (long off = 0; off + 8 <= size; off = off == 0 ? 512 : off * 2) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
        ch.position(off);
        while (b.hasRemaining() && ch.read(b) > 0) {
          // read fully
        }
        if (!b.hasRemaining() && java.util.Arrays.equals(b.array(), SIGNATURE)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * @return the root group
   */
  public StoreGroup root() {
    return new Hdf5Nodes.H5Group(hdf, this);
  }

  /**
   * @return the group at {@code path}, or null when absent or not a group
   */
  public StoreGroup group(String path) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return root();
    }
    try {
      Object n = Hdf5Nodes.wrap(hdf.getByPath(path), this);
      return n instanceof StoreGroup ? (StoreGroup) n : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * @return the file
   */
  public Path file() {
    return file;
  }

  /**
   * Where the bytes of a contiguous, unfiltered numeric dataset lie in the file, so that a range of
   * it can be read without going through jHDF.
   *
   * @param fileOffset offset of element 0 from the start of the file
   * @param itemSize bytes per element
   * @param order byte order of the elements
   * @param dtype element type
   */
  public record Extent(long fileOffset, int itemSize, java.nio.ByteOrder order, DType dtype) {}

  /**
   * @param a an array of an open HDF5 store
   * @return its extent, or null when the array is chunked, filtered, empty or not a plain number
   */
  public static Extent extent(StoreArray a) {
    if (!(a instanceof Hdf5Nodes.H5Array h)) {
      return null;
    }
    io.jhdf.api.Dataset ds = h.dataset();
    if (!(ds instanceof io.jhdf.api.dataset.ContiguousDataset c)
        || !ds.getFilters().isEmpty()
        || ds.isEmpty()
        || ds.isScalar()) {
      return null;
    }
    java.nio.ByteOrder order;
    DType d;
    if (ds.getDataType() instanceof io.jhdf.object.datatype.FloatingPoint fp) {
      order = fp.getByteOrder();
      d = fp.getSize() == 4 ? DType.FLOAT32 : fp.getSize() == 8 ? DType.FLOAT64 : null;
    } else if (ds.getDataType() instanceof io.jhdf.object.datatype.FixedPoint fx && fx.isSigned()) {
      order = fx.getByteOrder();
      d = fx.getSize() == 4 ? DType.INT32 : fx.getSize() == 8 ? DType.INT64 : null;
    } else {
      return null;
    }
    if (d == null) {
      return null;
    }
    long base = h.store().hdf.getUserBlockSize();
    return new Extent(base + c.getDataAddress(), ds.getDataType().getSize(), order, d);
  }

  long fileSize() {
    return fileSize;
  }

  String describe(String path) {
    return file + ":" + path;
  }

  void checkAllocation(String path, long elements, long bytes) {
    long budget = Runtime.getRuntime().maxMemory() / 2;
    if (elements > Integer.MAX_VALUE - 16 || bytes > budget) {
      throw new StorageException(
          describe(path)
              + " declares "
              + elements
              + " elements ("
              + bytes
              + " bytes), more than this JVM"
              + " can hold (budget "
              + budget
              + " bytes). Use AnnData.open() and read it in slices, or"
              + " raise -Xmx.");
    }
  }

  @Override
  public void close() {
    hdf.close();
  }
}
