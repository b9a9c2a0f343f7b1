package org.lamindb.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.lamindb.InvalidArgumentException;

/**
 * LaminDB's hash strings (spec §3) for {@link StorageBackend} implementations that report the
 * hashes an object store keeps: the 22-character base64url form, the {@code hashType} names, and
 * the folder hash combined from per-file hashes.
 *
 * <pre>{@code
 * String h = ContentHashes.hexToB64(etag);                  // an S3 ETag in LaminDB's form
 * String dir = ContentHashes.hashFromHashes(fileHashes);    // hashType ContentHashes.MD5_D
 * }</pre>
 */
public class ContentHashes {

  /** Length of every LaminDB hash string. */
  public static final int HASH_LENGTH = 22;

  /** {@code hashType} of a whole-file md5. */
  public static final String MD5 = "md5";

  /** {@code hashType} of a large file hashed from its first and last chunk. */
  public static final String SHA1_FL = "sha1-fl";

  /** {@code hashType} of a folder hash. */
  public static final String MD5_D = "md5-d";

  /** For subclasses that add hashes; all members are static. */
  protected ContentHashes() {}

  /**
   * Combines per-file hashes into a folder hash (LaminDB's {@code hash_from_hashes_list}): md5 over
   * the md5 digests of the sorted hash strings. Used for local folders and for cloud folders whose
   * objects all have hashes.
   *
   * @param hashes hash strings of the files, in any order (duplicates count)
   * @return 22-character hash
   */
  public static String hashFromHashes(Collection<String> hashes) {
    List<String> sorted = new ArrayList<>(hashes);
    sorted.sort(null);
    MessageDigest outer = digest("MD5");
    MessageDigest inner = digest("MD5");
    for (String h : sorted) {
      outer.update(inner.digest(h.getBytes(StandardCharsets.UTF_8)));
    }
    return toB64(outer.digest());
  }

  /**
   * LaminDB's {@code hash_string}: base64url md5 of the UTF-8 bytes, 22 characters.
   *
   * @param s any string
   * @return 22-character hash
   */
  public static String hashString(String s) {
    return toB64(digest("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * LaminDB's {@code hash_set}: {@link #hashString(String)} of the sorted, de-duplicated members
   * joined by ':'.
   *
   * @param members strings in any order
   * @return 22-character hash
   */
  public static String hashSet(Collection<String> members) {
    return hashString(String.join(":", new TreeSet<>(members)));
  }

  /**
   * URL-safe base64 without padding, cut to 22 characters (an md5 digest gives exactly 22).
   *
   * @param digest raw digest bytes (at least 16)
   * @return 22-character string
   */
  public static String toB64(byte[] digest) {
    String s = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    return s.length() > HASH_LENGTH ? s.substring(0, HASH_LENGTH) : s;
  }

  /**
   * Converts a hex digest (e.g. an S3 ETag) to LaminDB's base64url form.
   *
   * @param hex hexadecimal digest, e.g. {@code 9b89c8c1acf79dba5b5341d1fff9806f}
   * @return 22-character string
   * @throws InvalidArgumentException when {@code hex} is not hexadecimal
   */
  public static String hexToB64(String hex) {
    try {
      return toB64(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException("Not a hexadecimal digest: '" + hex + "'", e);
    }
  }

  /**
   * @return a fresh digest of {@code algorithm} (MD5, SHA-1), which every JVM has
   */
  protected static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
