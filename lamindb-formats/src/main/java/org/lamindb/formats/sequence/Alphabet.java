package org.lamindb.formats.sequence;

/**
 * The residue alphabet of a sequence file, guessed from the set of letters it uses. Letters outside
 * the IUPAC nucleotide codes ({@code ACGTURYKMSWBDHVN}, any case) mean protein; otherwise U without
 * T means RNA, else DNA. A short peptide written only with nucleotide letters is indistinguishable
 * from DNA.
 */
public enum Alphabet {
  /** Nucleotides with T (or neither T nor U). */
  DNA,
  /** Nucleotides with U and no T. */
  RNA,
  /** At least one letter that is not an IUPAC nucleotide code. */
  PROTEIN,
  /** No residues at all (empty file or only zero-length records). */
  NONE;

  private static final String NUCLEOTIDE = "ACGTURYKMSWBDHVN";

  /**
   * @param seen {@code seen[c]} is true when upper-case letter {@code c} occurred
   * @return the alphabet of these letters
   */
  static Alphabet of(boolean[] seen) {
    boolean any = false;
    for (char c = 'A'; c <= 'Z'; c++) {
      if (seen[c]) {
        any = true;
        if (NUCLEOTIDE.indexOf(c) < 0) {
          return PROTEIN;
        }
      }
    }
    if (!any) {
      return NONE;
    }
    return seen['U'] && !seen['T'] ? RNA : DNA;
  }
}
