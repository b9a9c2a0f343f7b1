package org.lamindb.formats.sequence;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminException;
import org.lamindb.StorageException;
import org.lamindb.ValidationException;

/**
 * Validates and summarizes FASTA/FASTQ files, plain or gzip/BGZF-compressed (detected from the
 * content, not the name), in one streaming pass with bounded memory.
 *
 * <pre>{@code
 * SequenceSummary s = SequenceFiles.summarize(Path.of("genome.fa.gz"));
 * System.out.println(s.records() + " records, " + s.totalLength() + " bp, " + s.alphabet());
 * }</pre>
 */
public final class SequenceFiles {
  private SequenceFiles() {}

  /**
   * Summarizes a file whose format is detected from its first byte ({@code >} or {@code @}).
   *
   * @throws ValidationException when the file is malformed (the message has the line number)
   * @throws StorageException when the file cannot be read
   */
  public static SequenceSummary summarize(Path path) {
    return summarize(path, null);
  }

  /**
   * Summarizes a file that must be of {@code expected} format.
   *
   * @param expected FASTA or FASTQ, or null to accept either
   * @throws ValidationException when the file is malformed or of the other format (wrong suffix for
   *     the content)
   * @throws StorageException when the file cannot be read
   */
  public static SequenceSummary summarize(Path path, SequenceSummary.Format expected) {
    return scan(path, expected, null, Long.MAX_VALUE);
  }

  /**
   * Validates and summarizes only the head of a file: records are read until about {@code maxBytes}
   * bytes (uncompressed) were parsed, then the scan stops at the next record boundary. Use it to
   * check a large file's format cheaply; {@link SequenceSummary#complete()} tells whether the whole
   * file was read.
   *
   * @param expected FASTA or FASTQ, or null to accept either
   * @throws ValidationException when the head is malformed or of the other format
   */
  public static SequenceSummary summarizeHead(
      Path path, SequenceSummary.Format expected, long maxBytes) {
    return scan(path, expected, null, maxBytes);
  }

  /**
   * Validates a file and hands its records to {@code action} one at a time, so memory is bounded by
   * the largest record, not the file.
   *
   * <pre>{@code
   * SequenceFiles.forEach(Path.of("reads.fq.gz"), null, r -> System.out.println(r.id() + " " + r.sequence()));
   * }</pre>
   *
   * @param expected FASTA or FASTQ, or null to accept either
   * @return the summary of the whole file
   * @throws ValidationException when the file is malformed; records before the error were already
   *     handed over
   */
  public static SequenceSummary forEach(
      Path path, SequenceSummary.Format expected, Consumer<SequenceRecord> action) {
    return scan(path, expected, action, Long.MAX_VALUE);
  }

  /**
   * Reads every record into memory (for small files; use {@link #forEach} for large ones).
   *
   * @throws InvalidArgumentException when the file is clearly larger than the free heap
   */
  public static List<SequenceRecord> readAll(Path path) {
    return readAll(path, null);
  }

  /**
   * Reads every record of a file that must be of {@code expected} format into memory.
   *
   * @param expected FASTA or FASTQ, or null to accept either
   * @throws InvalidArgumentException when the file is clearly larger than the free heap
   */
  public static List<SequenceRecord> readAll(Path path, SequenceSummary.Format expected) {
    try {
      long size = Files.size(path);
      Runtime rt = Runtime.getRuntime();
      long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
      // characters of a decoded String take 1 byte each (Latin-1 compact strings); gzip expands ~4x
      if (size * 4 > free) {
        throw new InvalidArgumentException(
            "The file "
                + path
                + " ("
                + size
                + " bytes) is too large to read into memory with "
                + free / (1 << 20)
                + " MiB of free heap; use SequenceFiles.forEach to stream it.");
      }
    } catch (NoSuchFileException e) {
      throw new StorageException("The file " + path + " does not exist.", e);
    } catch (IOException e) {
      throw new StorageException("Could not read " + path + ": " + e.getMessage(), e);
    }
    List<SequenceRecord> out = new ArrayList<>();
    scan(path, expected, out::add, Long.MAX_VALUE);
    return out;
  }

  private static SequenceSummary scan(
      Path path, SequenceSummary.Format expected, Consumer<SequenceRecord> action, long maxBytes) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
      FastxScanner scanner = new FastxScanner(in, path.toString());
      if (action != null) {
        scanner.collect(action);
      }
      scanner.stopAfter(maxBytes);
      SequenceSummary.Format format = scanner.sniff();
      if (format == null) {
        format = expected == null ? SequenceSummary.Format.FASTA : expected;
      } else if (expected != null && format != expected) {
        throw new ValidationException(
            "The file "
                + path
                + " holds "
                + format
                + " but its suffix says "
                + expected
                + "; rename it with a matching suffix.");
      }
      return scanner.scan(format, gzip);
    } catch (LaminException e) {
      throw e;
    } catch (ZipException | EOFException e) {
      throw new ValidationException(
          "The gzip stream of " + path + " is corrupt or truncated: " + e.getMessage() + ".");
    } catch (NoSuchFileException e) {
      throw new StorageException("The file " + path + " does not exist.", e);
    } catch (IOException e) {
      throw new StorageException("Could not read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param suffix a canonical suffix such as {@code .fastq.gz}
   * @return the format the suffix announces, or null when it is not a sequence suffix
   */
  public static SequenceSummary.Format formatOf(String suffix) {
    if (suffix == null) {
      return null;
    }
    String s = suffix.toLowerCase(java.util.Locale.ROOT);
    if (s.endsWith(".gz")) {
      s = s.substring(0, s.length() - 3);
    } else if (s.endsWith(".bgz")) {
      s = s.substring(0, s.length() - 4);
    }
    return switch (s) {
      case ".fasta", ".fa", ".fna", ".faa", ".ffn", ".frn", ".fas" -> SequenceSummary.Format.FASTA;
      case ".fastq", ".fq" -> SequenceSummary.Format.FASTQ;
      default -> null;
    };
  }
}
