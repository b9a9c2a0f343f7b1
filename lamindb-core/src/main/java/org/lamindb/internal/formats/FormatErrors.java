package org.lamindb.internal.formats;

import java.io.IOException;
import java.nio.file.Path;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminException;
import org.lamindb.StorageException;
import org.lamindb.ValidationException;

/** Builds the exceptions format providers throw, so every message names the file and the reason. */
final class FormatErrors {
  private FormatErrors() {}

  /** The content does not match its format (corrupt, truncated, wrong suffix for the content). */
  static ValidationException malformed(Path path, String format, String reason, Throwable cause) {
    ValidationException e =
        new ValidationException(
            "Cannot read "
                + path
                + " as "
                + format
                + ": "
                + reason
                + ". Check that the file is complete and that its suffix matches its content.");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /** Reading or writing the file failed at the storage level. */
  static StorageException io(Path path, String action, IOException cause) {
    return new StorageException(
        "Could not " + action + " " + path + ": " + cause.getMessage(), cause);
  }

  /** The request can never succeed for this file or object. */
  static InvalidArgumentException unsupported(String message) {
    return new InvalidArgumentException(message);
  }

  /** Wraps anything unexpected from a parser into a LaminException naming the file. */
  static LaminException wrap(Path path, String format, Throwable t) {
    if (t instanceof LaminException le) {
      return le;
    }
    if (t instanceof IOException io) {
      return io(path, "read", io);
    }
    return malformed(path, format, String.valueOf(t.getMessage()), t);
  }
}
