package org.lamindb.formats.anndata.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lamindb.LaminException;
import org.lamindb.StorageException;

/**
 * Runs a read or write of a file and turns every failure into a {@link LaminException} naming the
 * file: library exceptions from corrupt input, I/O errors, and (as a last resort) an {@link
 * OutOfMemoryError} from a size the checks did not catch.
 */
public final class Guard {
  private Guard() {}

  /** Runs a read; rethrows LaminExceptions, wraps everything else in a StorageException. */
  public static <T> T run(Path file, Callable<T> body) {
    return run(file, "read", body);
  }

  /**
   * @param verb "read" or "write", for the message
   */
  public static <T> T run(Path file, String verb, Callable<T> body) {
    try {
      return body.call();
    } catch (LaminException e) {
      throw e;
    } catch (OutOfMemoryError e) {
      throw new StorageException(
          "Cannot "
              + verb
              + " "
              + file
              + ": it needs more data than fits in memory;"
              + " use AnnData.open() to read slices, or raise -Xmx",
          e);
    } catch (StackOverflowError e) {
      throw new StorageException(
          "Cannot read " + file + ": corrupt (cyclic or too deeply nested) structure", e);
    } catch (Exception e) {
      throw new StorageException(
          "Cannot "
              + verb
              + " "
              + file
              + (verb.equals("read") ? " (truncated or corrupt?): " : ": ")
              + e,
          e);
    }
  }
}
