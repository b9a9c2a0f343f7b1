package org.lamindb.formats.sequence;

/**
 * One FASTA/FASTQ record.
 *
 * @param id the first word of the header line (may be empty, as in a bare {@code >})
 * @param description the rest of the header line, or empty
 * @param sequence the residues without line breaks
 * @param quality FASTQ quality characters (same length as the sequence), or null for FASTA
 */
public record SequenceRecord(String id, String description, String sequence, String quality) {}
