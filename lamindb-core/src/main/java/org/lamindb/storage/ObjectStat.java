package org.lamindb.storage;

import java.time.Instant;

/**
 * What a storage backend knows about one object without reading its content.
 *
 * @param key key relative to the storage root
 * @param size size in bytes
 * @param lastModified modification time
 * @param hash content hash as LaminDB computes it from backend metadata (e.g. from an S3 ETag), or
 *     null
 * @param hashType {@code md5}, {@code md5-2}, {@code md5-etag}, ... or null
 * @param folder true when the key names a folder (a prefix with objects below it)
 */
public record ObjectStat(
    String key, long size, Instant lastModified, String hash, String hashType, boolean folder) {}
