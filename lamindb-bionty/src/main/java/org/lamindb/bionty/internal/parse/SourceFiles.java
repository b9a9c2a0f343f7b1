package org.lamindb.bionty.internal.parse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;
import org.lamindb.ValidationException;

/** Opening source files (plain or gzip) and building parse errors that name the file and line. */
public final class SourceFiles {
  private static final int BUFFER = 1 << 16;

  private SourceFiles() {}

  /**
   * Opens {@code file} for reading; {@code .gz} files are decompressed on the fly.
   *
   * @throws InvalidArgumentException when the file does not exist
   */
  public static InputStream open(Path file) {
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
      if (file.getFileName().toString().endsWith(".gz")) {
        return new GZIPInputStream(in, BUFFER);
      }
      return in;
    } catch (NoSuchFileException e) {
      throw new InvalidArgumentException(
          "source file not found: "
              + file
              + "; pass the path of an existing ontology or gene table file");
    } catch (IOException e) {
      throw new StorageException("cannot read source file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param file the file being parsed
   * @param line 1-based line number, or 0 when unknown
   * @param problem what is wrong
   * @param hint what to do, or null
   * @return an exception whose message starts with {@code file:line:}
   */
  public static ValidationException error(Path file, long line, String problem, String hint) {
    String where = line > 0 ? file + ":" + line : file.toString();
    String msg = where + ": " + problem + (hint == null ? "" : "; " + hint);
    return new ValidationException(msg, List.of(msg));
  }

  /**
   * @return a StorageException for an I/O failure while reading {@code file}
   */
  public static StorageException ioError(Path file, IOException e) {
    return new StorageException("cannot read source file " + file + ": " + e.getMessage(), e);
  }

  /**
   * @return the file name with {@code .gz} removed, lower-cased
   */
  public static String baseName(Path file) {
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
  }
}
