/**
 * FASTA and FASTQ files (plain, gzip, BGZF): streaming validation and summaries (records, total
 * length, alphabet) with bounded memory, and the {@link org.lamindb.spi.FormatProvider} that
 * registers them.
 */
package org.lamindb.formats.sequence;
