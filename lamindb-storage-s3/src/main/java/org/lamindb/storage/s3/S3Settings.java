package org.lamindb.storage.s3;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.lamindb.InvalidArgumentException;

/**
 * Where and how to reach one S3 root: bucket, key prefix, endpoint, region and multipart sizes,
 * resolved from the root URI, the instance settings and the environment (in that order of
 * precedence for the endpoint: settings, root query, {@code AWS_ENDPOINT_URL_S3}, {@code
 * AWS_ENDPOINT_URL}).
 *
 * @param bucket bucket name
 * @param prefix key prefix below the bucket without leading or trailing '/', may be empty
 * @param endpoint custom endpoint (S3-compatible stores, S3Proxy, MinIO), or null for AWS
 * @param region region name, or null to let the SDK resolve it
 * @param multipartThreshold files larger than this are uploaded in parts
 * @param partSize size of one part (at least 5 MiB; grown so that no upload needs more than 10,000
 *     parts)
 */
public record S3Settings(
    String bucket,
    String prefix,
    URI endpoint,
    String region,
    long multipartThreshold,
    long partSize,
    int concurrency) {

  /** Default multipart threshold and part size: 64 MiB. */
  public static final long DEFAULT_PART_SIZE = 64L << 20;

  /** Smallest part S3 accepts (except for the last one). */
  public static final long MIN_PART_SIZE = 5L << 20;

  /** Settings key of a custom endpoint, e.g. {@code http://127.0.0.1:9000}. */
  public static final String ENDPOINT_URL = "endpoint_url";

  /** Settings key of the region. */
  public static final String REGION = "region";

  /** Settings key of the multipart threshold in bytes. */
  public static final String MULTIPART_THRESHOLD = "multipart_threshold";

  /** Settings key of the part size in bytes. */
  public static final String PART_SIZE = "part_size";

  /** Settings key of the number of parts uploaded at the same time (default 4). */
  public static final String MAX_CONCURRENCY = "max_concurrency";

  /**
   * Resolves the settings of a root.
   *
   * @param root {@code s3://bucket[/prefix][?endpoint_url=...]}
   * @param settings instance settings (keys above); may be empty
   * @param env environment variables
   * @return the resolved settings
   * @throws InvalidArgumentException when the root is not an s3:// URI or a size is not a number
   */
  public static S3Settings resolve(
      String root, Map<String, String> settings, Map<String, String> env) {
    if (!root.startsWith("s3://")) {
      throw new InvalidArgumentException(
          "Not an S3 root: '" + root + "'; expected s3://bucket[/prefix].");
    }
    String rest = root.substring("s3://".length());
    String query = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new InvalidArgumentException(
          "S3 root '" + root + "' names no bucket; expected s3://bucket[/prefix].");
    }
    if (prefix.contains("//") || prefix.startsWith("/")) {
      throw new InvalidArgumentException("S3 root '" + root + "' has an empty path segment.");
    }
    String endpoint = first(settings.get(ENDPOINT_URL), queryParameter(query, ENDPOINT_URL));
    endpoint = first(endpoint, env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"));
    String region =
        first(settings.get(REGION), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
    if (region == null && endpoint != null) {
      region = "us-east-1";
    }
    long threshold = size(settings, MULTIPART_THRESHOLD, DEFAULT_PART_SIZE);
    long part = Math.max(MIN_PART_SIZE, size(settings, PART_SIZE, DEFAULT_PART_SIZE));
    int concurrency = (int) Math.max(1, Math.min(64, size(settings, MAX_CONCURRENCY, 4)));
    return new S3Settings(
        bucket,
        prefix,
        endpoint == null ? null : URI.create(endpoint),
        region,
        threshold,
        part,
        concurrency);
  }

  /**
   * @return the normalized root, {@code s3://bucket[/prefix]}
   */
  public String root() {
    return prefix.isEmpty() ? "s3://" + bucket : "s3://" + bucket + "/" + prefix;
  }

  /**
   * @param fileSize bytes to upload
   * @return the part size for that file: the configured one, grown to keep within 10,000 parts
   */
  public long partSizeFor(long fileSize) {
    long minimum = (fileSize + 9_999) / 10_000;
    return Math.max(partSize, minimum);
  }

  private static long size(Map<String, String> settings, String key, long fallback) {
    String value = settings.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim().toLowerCase(Locale.ROOT).replace("_", ""));
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException(
          "Setting '" + key + "' must be a number of bytes, got '" + value + "'.", e);
    }
  }

  private static String queryParameter(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }
}
