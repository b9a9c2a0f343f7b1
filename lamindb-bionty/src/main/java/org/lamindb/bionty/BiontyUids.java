package org.lamindb.bionty;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic uids of bionty records, identical to LaminDB's: the first {@code n} characters of
 * the base62 encoding (alphabet {@code 0-9A-Za-z}) of the MD5 digest of a defining string, read as
 * a big-endian integer.
 *
 * <pre>{@code
 * BiontyUids.ofOntologyRecord("CL:0000084");                        // "22LvKd01YyNA1a"
 * BiontyUids.ofSource("bionty.Disease", "mondo", "all", "2023-04-04"); // "Hgw08Vk3"
 * }</pre>
 */
public final class BiontyUids {
  /** Length of uids of entity records (CellType, Gene, ...). */
  public static final int RECORD_UID_LENGTH = 14;

  /** Length of uids of Source records. */
  public static final int SOURCE_UID_LENGTH = 8;

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final BigInteger SIXTY_TWO = BigInteger.valueOf(62);

  private BiontyUids() {}

  /**
   * Encodes bytes in base62 like lamin-utils' {@code encodebytes}: leading zero bytes become a
   * {@code 0} followed by the alphabet character at their count, the rest is the big-endian integer
   * in base62.
   *
   * @param bytes any bytes
   * @return the base62 text
   */
  public static String base62(byte[] bytes) {
    int zeros = 0;
    while (zeros < bytes.length && bytes[zeros] == 0) {
      zeros++;
    }
    BigInteger n = new BigInteger(1, bytes);
    StringBuilder digits = new StringBuilder();
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(SIXTY_TWO);
      digits.append(BASE62.charAt(qr[1].intValue()));
      n = qr[0];
    }
    digits.reverse();
    if (zeros > 0) {
      digits.insert(0, "0" + BASE62.charAt(zeros));
    }
    return digits.toString();
  }

  /**
   * @param text the defining string
   * @param length number of characters to keep
   * @return the first {@code length} characters of base62(md5(utf-8 text))
   */
  public static String hash(String text, int length) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      String encoded = base62(digest);
      return encoded.length() <= length ? encoded : encoded.substring(0, length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  /**
   * @param ontologyId the record's ontology id (or, for registries without one, name + organism
   *     name)
   * @return the 14-character uid
   */
  public static String ofOntologyRecord(String ontologyId) {
    return hash(ontologyId, RECORD_UID_LENGTH);
  }

  /**
   * uid of a record without an ontology id: its name field value followed by the organism name
   * (empty for registries without organism).
   *
   * @param name the name field value
   * @param organismName the organism's name, or null
   * @return the 14-character uid
   */
  public static String ofNamedRecord(String name, String organismName) {
    return hash(name + (organismName == null ? "" : organismName), RECORD_UID_LENGTH);
  }

  /**
   * uid of a Gene: its Ensembl id, else its stable id, else symbol + organism name.
   *
   * @return the 14-character uid
   */
  public static String ofGene(
      String ensemblGeneId, String stableId, String symbol, String organismName) {
    if (ensemblGeneId != null && !ensemblGeneId.isEmpty()) {
      return hash(ensemblGeneId, RECORD_UID_LENGTH);
    }
    if (stableId != null && !stableId.isEmpty()) {
      return hash(stableId, RECORD_UID_LENGTH);
    }
    if (symbol == null) {
      throw new IllegalArgumentException(
          "a Gene needs an ensembl_gene_id, a stable_id or a symbol to get a uid");
    }
    return ofNamedRecord(symbol, organismName);
  }

  /**
   * uid of a Source record, from {@code entity + name + organism + version}.
   *
   * @param entity e.g. {@code bionty.CellType}
   * @param name source name, e.g. {@code cl}
   * @param organism e.g. {@code all}, {@code human}
   * @param version e.g. {@code 2023-04-20}
   * @return the 8-character uid
   */
  public static String ofSource(String entity, String name, String organism, String version) {
    return hash(entity + name + organism + version, SOURCE_UID_LENGTH);
  }
}
