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
 * n_observations} to the number of records.
 */
public final class SequenceFormatProvider implements FormatProvider {

  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public SequenceFormatProvider() {}

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
    SequenceSummary s = SequenceFiles.summarize(path, format);
    return Optional.of(new FormatInfo(null, s.records(), s.lines()));
  }
}
