package org.lamindb.formats.sequence;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.lamindb.spi.FormatProvider;

/**
 * Registers FASTA ({@code .fasta .fa .fna .faa}) and FASTQ ({@code .fastq .fq}) files, plain or
 * {@code .gz}. {@code load(path, suffix, Object.class)} validates the file and returns its {@link
 * SequenceSummary}; {@code load(..., String.class)} is left to core's text provider (LaminDB loads
 * {@code .fasta} as text). {@link #inspect} leaves otype null, as LaminDB does, and sets {@code
 * n_observations} to the number of records; files above 1 GiB are only validated at their head (64
 * MiB) and get no {@code n_observations}, so registering a large FASTQ does not cost a full
 * decompression.
 */
public final class SequenceFormatProvider implements FormatProvider {

  /** Files above this size (on disk) are only checked at their head by {@link #inspect}. */
  static final long FULL_SCAN_LIMIT = 1L << 30;

  /** Bytes of a large file that {@link #inspect} checks. */
  static final long HEAD_BYTES = 64L << 20;

  private final long fullScanLimit;

  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public SequenceFormatProvider() {
    this(FULL_SCAN_LIMIT);
  }

  SequenceFormatProvider(long fullScanLimit) {
    this.fullScanLimit = fullScanLimit;
  }

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public boolean canLoad(String suffix) {
    return SequenceFiles.formatOf(suffix) != null;
  }

  @Override
  public <T> Optional<T> load(Path path, String suffix, Class<T> type) {
    if (type == List.class) {
      return Optional.of(type.cast(SequenceFiles.readAll(path, SequenceFiles.formatOf(suffix))));
    }
    if (type != Object.class && type != SequenceSummary.class) {
      return Optional.empty();
    }
    return Optional.of(type.cast(SequenceFiles.summarize(path, SequenceFiles.formatOf(suffix))));
  }

  @Override
  public Optional<FormatInfo> inspect(Path path, String suffix) {
    SequenceSummary.Format format = SequenceFiles.formatOf(suffix);
    if (format == null) {
      return Optional.empty();
    }
    long size;
    try {
      size = java.nio.file.Files.size(path);
    } catch (java.io.IOException e) {
      throw new org.lamindb.StorageException("Could not read " + path + ": " + e.getMessage(), e);
    }
    // a full pass over a large (and often gzip) FASTQ would make registration as slow as
    // decompressing it
    SequenceSummary s =
        size > fullScanLimit
            ? SequenceFiles.summarizeHead(path, format, Math.min(HEAD_BYTES, fullScanLimit))
            : SequenceFiles.summarize(path, format);
    return Optional.of(new FormatInfo(null, s.complete() ? s.records() : null, s.lines()));
  }
}
