package org.lamindb.storage;

import java.util.Map;

/**
 * Service-provider interface ({@link java.util.ServiceLoader}) that creates {@link StorageBackend}s
 * for the roots it understands, e.g. {@code s3://} roots for the S3 module.
 */
public interface StorageBackendProvider {

  /**
   * @return true when this provider serves {@code root} (e.g. it starts with {@code s3://})
   */
  boolean supports(String root);

  /**
   * @param root normalized storage root
   * @param settings instance settings that may configure the backend (region, endpoint, ...); may
   *     be empty
   * @return a backend bound to {@code root}
   */
  StorageBackend open(String root, Map<String, String> settings);
}
