package org.lamindb.formats.anndata.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lamindb.LaminException;
import org.lamindb.StorageException;

/**
 * Runs a read or write of a file and turns every failure into a {@link LaminException} naming the file: library
 * exceptions from corrupt input, I/O errors, and (as a last resort) an {@link OutOfMemoryError} from a size the
 * checks did not catch.
 */
public final class Guard {
  private Guard() {}

  /** Runs {@code body}; rethrows LaminExceptions, wraps everything else in a StorageException. */
  public static <T> T run(Path file, Callable<T> body) {
    try {
      return body.call();
    } catch (LaminException e) {
      throw e;
    } catch (OutOfMemoryError e) {
      throw new StorageException("Cannot read " + file + ": it declares more data than fits in memory;"
          + " use AnnData.open() to read slices, or raise -Xmx", e);
    } catch (StackOverflowError e) {
      throw new StorageException("Cannot read " + file + ": corrupt (cyclic or too deeply nested) structure", e);
    } catch (Exception e) {
      throw new StorageException("Cannot read or write " + file + " (truncated or corrupt?): " + e, e);
    }
  }
}
