package org.lamindb.formats.sequence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lamindb.ValidationException;

/**
 * Validates and summarizes FASTA/FASTQ in one pass over bytes, with memory bounded by a 64 KiB
 * buffer and a 1 MiB cap on header lines: sequence and quality lines are checked and counted as
 * they stream by, never stored, so a chromosome on one line costs no more than a short read. Errors
 * carry the 1-based line number.
 *
 * <p>FASTQ follows the multi-line reading of the Cock et al. (2009) conventions: sequence lines
 * until a line starting with {@code +}, then quality lines until they are as long as the sequence.
 * A {@code +} line that repeats a title must repeat it exactly; quality characters must lie in
 * {@code !}..{@code ~}.
 */
final class FastxScanner {
  private static final int MAX_HEADER = 1 << 20;

  private final InputStream in;
  private final String file;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  private long line;
  private byte[] header = new byte[256];
  private int headerLen;
  private final boolean[] seen = new boolean[128];
  private java.util.function.Consumer<SequenceRecord> sink;
  private final java.io.ByteArrayOutputStream residues = new java.io.ByteArrayOutputStream();
  private final java.io.ByteArrayOutputStream qualities = new java.io.ByteArrayOutputStream();
  private String recordHeader;
  private long read;
  private long stopAfter = Long.MAX_VALUE;
  private boolean complete = true;
  private SequenceSummary.Format format;
  private long records;
  private long total;
  private long min = Long.MAX_VALUE;
  private long max;

  FastxScanner(InputStream in, String file) {
    this.in = in;
    this.file = file;
  }

  /** Byte {@code k} ahead of the read position, or -1 at end of file. */
  private int peek(int k) throws IOException {
    while (lim - pos <= k) {
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
      }
      int n = in.read(buf, lim, buf.length - lim);
      if (n < 0) {
        return -1;
      }
      read += n;
      lim += n;
    }
    return buf[pos + k] & 0xff;
  }

  private boolean eof() throws IOException {
    return peek(0) < 0;
  }

  private boolean blankLineAhead() throws IOException {
    int b = peek(0);
    return b == '\n' || (b == '\r' && (peek(1) == '\n' || peek(1) < 0));
  }

  private ValidationException error(SequenceSummary.Format format, String reason) {
    return new ValidationException(
        "Invalid "
            + format
            + " file "
            + file
            + " at line "
            + line
            + ": "
            + reason
            + ". Fix or re-export the file; lamindb-java rejects malformed sequence files.");
  }

  /** Reads one line into the header buffer (without the line break and a trailing CR). */
  private void readHeaderLine(SequenceSummary.Format format) throws IOException {
    line++;
    headerLen = 0;
    while (true) {
      int b = peek(0);
      if (b < 0) {
        break;
      }
      pos++;
      if (b == '\n') {
        break;
      }
      if (headerLen == MAX_HEADER) {
        throw error(format, "header line longer than " + MAX_HEADER + " bytes");
      }
      if (headerLen == header.length) {
        header = Arrays.copyOf(header, Math.min(MAX_HEADER, header.length * 2));
      }
      header[headerLen++] = (byte) b;
    }
    if (headerLen > 0 && header[headerLen - 1] == '\r') {
      headerLen--;
    }
  }

  /** Streams one sequence line; returns its number of residues. */
  private long readResidueLine(SequenceSummary.Format format) throws IOException {
    line++;
    long count = 0;
    boolean cr = false;
    while (true) {
      if (pos == lim && peek(0) < 0) {
        return count;
      }
      int b = buf[pos++] & 0xff;
      if (b == '\n') {
        return count;
      }
      if (cr) {
        throw error(format, "carriage return inside a line");
      }
      if (b == '\r') {
        cr = true;
        continue;
      }
      int upper = b & ~0x20;
      if (upper >= 'A' && upper <= 'Z') {
        seen[upper] = true;
        count++;
      } else if (b == '*' || b == '-' || b == '.') {
        count++;
      } else {
        throw error(
            format, "invalid sequence character " + describe(b) + " at column " + (count + 1));
      }
      if (sink != null) {
        residues.write(b);
      }
    }
  }

  /** Streams one quality line; returns its length. */
  private long readQualityLine() throws IOException {
    line++;
    long count = 0;
    boolean cr = false;
    while (true) {
      if (pos == lim && peek(0) < 0) {
        return count;
      }
      int b = buf[pos++] & 0xff;
      if (b == '\n') {
        return count;
      }
      if (cr) {
        throw error(SequenceSummary.Format.FASTQ, "carriage return inside a line");
      }
      if (b == '\r') {
        cr = true;
        continue;
      }
      if (b < '!' || b > '~') {
        throw error(
            SequenceSummary.Format.FASTQ,
            "invalid quality character " + describe(b) + " at column " + (count + 1));
      }
      if (sink != null) {
        qualities.write(b);
      }
      count++;
    }
  }

  private static String describe(int b) {
    return b >= 0x21 && b < 0x7f
        ? "'" + (char) b + "'"
        : String.format("0x%02x%s", b, b == ' ' ? " (space)" : b == '\t' ? " (tab)" : "");
  }

  private void skipBlankLines() throws IOException {
    while (!eof() && blankLineAhead()) {
      readHeaderLine(SequenceSummary.Format.FASTA);
    }
  }

  private void record(long length) {
    if (sink != null) {
      String text = recordHeader == null ? "" : recordHeader.strip();
      int space = indexOfWhitespace(text);
      sink.accept(
          new SequenceRecord(
              space < 0 ? text : text.substring(0, space),
              space < 0 ? "" : text.substring(space).strip(),
              residues.toString(StandardCharsets.US_ASCII),
              format == SequenceSummary.Format.FASTQ
                  ? qualities.toString(StandardCharsets.US_ASCII)
                  : null));
      residues.reset();
      qualities.reset();
    }
    records++;
    total += length;
    min = Math.min(min, length);
    max = Math.max(max, length);
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Stops at the first record boundary after about {@code bytes} bytes (uncompressed) were parsed.
   */
  void stopAfter(long bytes) {
    this.stopAfter = bytes;
  }

  /** True, and marks the summary incomplete, when the byte budget is spent. */
  private boolean budgetSpent() {
    if (read - (lim - pos) >= stopAfter) {
      complete = false;
      return true;
    }
    return false;
  }

  /** Hands every record, one at a time, to {@code action} while scanning. */
  void collect(java.util.function.Consumer<SequenceRecord> action) {
    this.sink = action;
  }

  private String title() {
    return new String(header, 1, headerLen - 1, StandardCharsets.UTF_8);
  }

  /** Detects the format from the first non-blank byte: {@code >} FASTA, {@code @} FASTQ. */
  SequenceSummary.Format sniff() throws IOException {
    int i = 0;
    while (true) {
      int b = peek(i);
      if (b < 0) {
        return null;
      }
      if (b == '>') {
        return SequenceSummary.Format.FASTA;
      }
      if (b == '@') {
        return SequenceSummary.Format.FASTQ;
      }
      if (b != '\n' && b != '\r' || i > 4096) {
        line = 1;
        throw new ValidationException(
            "Invalid sequence file "
                + file
                + " at line 1: neither FASTA ('>') nor FASTQ ('@'), found "
                + describe(b));
      }
      i++;
    }
  }

  /** Scans the whole stream as {@code format}. */
  SequenceSummary scan(SequenceSummary.Format format, boolean gzip) throws IOException {
    this.format = format;
    skipBlankLines();
    if (format == SequenceSummary.Format.FASTA) {
      scanFasta();
    } else {
      scanFastq();
    }
    return new SequenceSummary(
        format, gzip, records, total, records == 0 ? 0 : min, max, Alphabet.of(seen), complete);
  }

  private void scanFasta() throws IOException {
    if (eof()) {
      return;
    }
    if (peek(0) != '>') {
      line++;
      throw error(SequenceSummary.Format.FASTA, "expected a header line starting with '>'");
    }
    while (!eof() && !budgetSpent()) {
      readHeaderLine(SequenceSummary.Format.FASTA);
      recordHeader = sink == null ? null : title();
      long length = 0;
      while (!eof() && peek(0) != '>') {
        length += readResidueLine(SequenceSummary.Format.FASTA);
      }
      record(length);
    }
  }

  private void scanFastq() throws IOException {
    SequenceSummary.Format q = SequenceSummary.Format.FASTQ;
    while (!eof() && !budgetSpent()) {
      if (blankLineAhead()) {
        skipBlankLines();
        if (!eof()) {
          throw error(q, "blank line between records");
        }
        return;
      }
      if (peek(0) != '@') {
        line++;
        throw error(q, "expected a record title starting with '@'");
      }
      readHeaderLine(q);
      String title = title();
      recordHeader = title;
      long titleLine = line;
      long length = 0;
      while (true) {
        if (eof()) {
          throw error(
              q,
              "file ends inside the record '"
                  + title
                  + "' (title at line "
                  + titleLine
                  + ") before its '+' line");
        }
        if (peek(0) == '+') {
          break;
        }
        length += readResidueLine(q);
      }
      readHeaderLine(q);
      if (headerLen > 1) {
        String repeated = title();
        if (!repeated.equals(title)) {
          throw error(
              q, "the '+' line names '" + repeated + "' but the record title is '" + title + "'");
        }
      }
      long quals = 0;
      if (length == 0) {
        if (!eof() && blankLineAhead()) {
          readHeaderLine(q);
        }
      } else {
        while (quals < length) {
          if (eof()) {
            throw error(
                q,
                "file ends before the qualities of '"
                    + title
                    + "' are complete ("
                    + quals
                    + " of "
                    + length
                    + ")");
          }
          if (blankLineAhead()) {
            line++;
            throw error(q, "blank line where the qualities of '" + title + "' were expected");
          }
          boolean looksLikeTitle = peek(0) == '@';
          quals += readQualityLine();
          if (quals != length && quals > length && looksLikeTitle) {
            throw error(
                q,
                "record '"
                    + title
                    + "' has "
                    + length
                    + " residues but fewer quality values; the next record's"
                    + " title was read as qualities");
          }
        }
        if (quals != length) {
          throw error(
              q,
              "record '"
                  + title
                  + "' has "
                  + length
                  + " residues but "
                  + quals
                  + " quality values");
        }
      }
      record(length);
    }
  }
}
