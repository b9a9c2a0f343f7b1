package org.lamindb.formats.sequence;

import java.util.ArrayList;
import java.util.List;

/**
 * What a FASTA/FASTQ file holds, computed in one streaming pass.
 *
 * <pre>{@code
 * SequenceSummary s = SequenceFiles.summarize(Path.of("reads.fastq.gz"));
 * s.records();      // 1000
 * s.totalLength();  // 150000
 * s.alphabet();     // DNA
 * }</pre>
 *
 * @param format FASTA or FASTQ
 * @param gzip true when the file was gzip/BGZF-compressed
 * @param records number of records
 * @param totalLength sum of the sequence lengths (residues, without line breaks)
 * @param minLength shortest record (0 when there are no records)
 * @param maxLength longest record (0 when there are no records)
 * @param alphabet DNA, RNA, protein, or NONE when there are no residues
 * @param complete false when only the head of the file was read ({@link
 *     SequenceFiles#summarizeHead}): the counts then cover the records read so far
 */
public record SequenceSummary(
    Format format,
    boolean gzip,
    long records,
    long totalLength,
    long minLength,
    long maxLength,
    Alphabet alphabet,
    boolean complete) {

  /** The two sequence formats. */
  public enum Format {
    /** {@code >id description} then sequence lines. */
    FASTA,
    /** {@code @id}, sequence, {@code +}, qualities. */
    FASTQ
  }

  /**
   * @return short lines for describe(): format, records, lengths, alphabet
   */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(
        format
            + (gzip ? " (gzip)" : "")
            + ": "
            + (complete ? "" : "first ")
            + records
            + (records == 1 ? " record" : " records")
            + (complete ? "" : " checked (the rest of the file was not read)"));
    out.add(
        "total length: "
            + totalLength
            + (records > 0 ? " (min " + minLength + ", max " + maxLength + ")" : ""));
    out.add("alphabet: " + alphabet);
    return out;
  }
}
