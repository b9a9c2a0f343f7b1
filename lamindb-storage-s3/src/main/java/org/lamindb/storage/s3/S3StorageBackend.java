package org.lamindb.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lamindb.StorageException;
import org.lamindb.storage.ContentHashes;
import org.lamindb.storage.ObjectStat;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.StorageFiles;
import org.lamindb.storage.StorageKeys;
import org.lamindb.storage.TransferProgress;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Storage in an S3 bucket (AWS or any S3-compatible store) through the AWS SDK v2. Files above the
 * multipart threshold are uploaded in parts streamed from disk; stat derives LaminDB's hash from
 * the ETag ({@code md5} for single-part objects, {@code md5-<n>} for multipart ones, {@code md5-d}
 * for folders).
 *
 * <pre>{@code
 * try (StorageBackend s3 = StorageBackends.forRoot("s3://my-bucket/lamin", Map.of("region", "eu-central-1"))) {
 *   s3.upload(Path.of("pbmc.h5ad"), ".lamindb/AbCd1234EfGh5678IjKl.h5ad", (done, total) -> {});
 * }
 * }</pre>
 */
public final class S3StorageBackend implements StorageBackend {
  /** Attempts per request (first try + retries) before an operation fails. */
  public static final int MAX_ATTEMPTS = 4;

  private static final long MAX_COPY_SIZE = 5L << 30;

  private final S3Client s3;
  private final S3Settings settings;
  private final boolean ownsClient;
  private final S3Uploads uploads;
  private volatile boolean batchDeleteWorks = true;

  /**
   * @param s3 the client to use; not closed by {@link #close()}
   * @param settings bucket, prefix and multipart sizes
   */
  public S3StorageBackend(S3Client s3, S3Settings settings) {
    this(s3, settings, false);
  }

  private S3StorageBackend(S3Client s3, S3Settings settings, boolean ownsClient) {
    this.s3 = s3;
    this.settings = settings;
    this.ownsClient = ownsClient;
    this.uploads = new S3Uploads(s3, settings);
  }

  /**
   * Opens a backend with its own client: credentials from the SDK's default provider chain (system
   * properties, environment, profiles, container and instance roles), path-style requests for
   * custom endpoints.
   *
   * @param root {@code s3://bucket[/prefix][?endpoint_url=...]}
   * @param settings see {@link S3Settings}
   * @param env environment variables
   * @return the backend; close it to release the client
   */
  public static S3StorageBackend open(
      String root, Map<String, String> settings, Map<String, String> env) {
    S3Settings resolved = S3Settings.resolve(root, settings, env);
    return new S3StorageBackend(S3Clients.build(resolved), resolved, true);
  }

  @Override
  public String root() {
    return settings.root();
  }

  @Override
  public String type() {
    return "s3";
  }

  /**
   * @return the resolved settings
   */
  public S3Settings settings() {
    return settings;
  }

  @Override
  public Optional<ObjectStat> stat(String key) throws IOException {
    Optional<ObjectStat> file = head(key);
    if (file.isPresent()) {
      return file;
    }
    List<ObjectStat> objects = list(key);
    if (objects.isEmpty()) {
      return Optional.empty();
    }
    long size = 0;
    Instant latest = Instant.EPOCH;
    List<String> hashes = new ArrayList<>();
    for (ObjectStat o : objects) {
      size += o.size();
      if (o.lastModified() != null && o.lastModified().isAfter(latest)) {
        latest = o.lastModified();
      }
      hashes.add(o.hash());
    }
    boolean allHashed = !hashes.contains(null);
    return Optional.of(
        new ObjectStat(
            key,
            size,
            latest,
            allHashed ? ContentHashes.hashFromHashes(hashes) : null,
            allHashed ? ContentHashes.MD5_D : null,
            true));
  }

  @Override
  public List<ObjectStat> list(String prefix) throws IOException {
    String folderPrefix;
    if (prefix == null || prefix.isEmpty()) {
      folderPrefix = settings.prefix().isEmpty() ? "" : settings.prefix() + "/";
    } else {
      folderPrefix = fullKey(prefix) + "/";
    }
    List<ObjectStat> out = new ArrayList<>();
    try {
      for (S3Object o :
          s3.listObjectsV2Paginator(r -> r.bucket(settings.bucket()).prefix(folderPrefix))
              .contents()) {
        if (o.key().endsWith("/")) {
          continue; // folder markers written by consoles and other tools
        }
        String[] hash = hashFromETag(o.eTag());
        out.add(
            new ObjectStat(
                relativeKey(o.key()), o.size(), o.lastModified(), hash[0], hash[1], false));
      }
    } catch (SdkException e) {
      throw failure("list", prefix, e);
    }
    if (out.isEmpty() && prefix != null && !prefix.isEmpty()) {
      head(prefix).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public void upload(Path source, String key, TransferProgress progress) throws IOException {
    String full = fullKey(key);
    if (Files.isDirectory(source)) {
      uploadFolder(source, key, progress);
      return;
    }
    long size = Files.size(source);
    StorageFiles.Progress counter = new StorageFiles.Progress(progress, size);
    if (size > settings.multipartThreshold()) {
      uploadMultipart(source, full, size, counter);
    } else {
      putFile(source, full, size, counter);
    }
    deleteFolderObjects(key, Set.of());
  }

  @Override
  public void download(String key, Path target, TransferProgress progress) throws IOException {
    Optional<ObjectStat> stat = stat(key);
    if (stat.isEmpty()) {
      throw new NoSuchFileException(uri(key), null, "no object at this key");
    }
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temp = StorageFiles.tempSibling(absolute);
    StorageFiles.Progress counter = new StorageFiles.Progress(progress, stat.get().size());
    try {
      if (stat.get().folder()) {
        Files.createDirectories(temp);
        for (ObjectStat o : list(key)) {
          Path file = StorageFiles.resolveInside(temp, o.key().substring(key.length() + 1));
          Files.createDirectories(file.getParent());
          getObject(o.key(), file, counter);
        }
      } else {
        getObject(key, temp, counter);
      }
      StorageFiles.replace(temp, absolute);
    } catch (IOException | RuntimeException | Error e) {
      StorageFiles.deleteQuietly(temp);
      throw e;
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    String full = fullKey(key);
    try {
      return new AbortOnEarlyClose(s3.getObject(r -> r.bucket(settings.bucket()).key(full)));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(uri(key), null, "no object at this key");
    } catch (SdkException e) {
      throw failure("open", key, e);
    }
  }

  /** Ranged GET: only {@code length} bytes from {@code offset} are transferred. */
  @Override
  public InputStream open(String key, long offset, long length) throws IOException {
    String full = fullKey(key);
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "negative range (offset " + offset + ", length " + length + ") for " + key);
    }
    if (length == 0) {
      return InputStream.nullInputStream();
    }
    String range = "bytes=" + offset + "-" + (offset + length - 1);
    try {
      return new AbortOnEarlyClose(
          s3.getObject(r -> r.bucket(settings.bucket()).key(full).range(range)));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(uri(key), null, "no object at this key");
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() == 416) {
        return InputStream.nullInputStream(); // the range starts past the end
      }
      throw failure("open", key, e);
    } catch (SdkException e) {
      throw failure("open", key, e);
    }
  }

  @Override
  public void move(String fromKey, String toKey) throws IOException {
    fullKey(fromKey);
    fullKey(toKey);
    Optional<ObjectStat> from = head(fromKey);
    if (from.isPresent()) {
      copy(fromKey, toKey, from.get().size());
      deleteObjects(List.of(fullKey(fromKey)));
      return;
    }
    List<ObjectStat> objects = list(fromKey);
    if (objects.isEmpty()) {
      throw new NoSuchFileException(uri(fromKey), null, "nothing to move");
    }
    Set<String> moved = new HashSet<>();
    for (ObjectStat o : objects) {
      String target = toKey + o.key().substring(fromKey.length());
      copy(o.key(), target, o.size());
      moved.add(fullKey(target));
    }
    deleteFolderObjects(toKey, moved);
    List<String> sources = new ArrayList<>();
    for (ObjectStat o : objects) {
      sources.add(fullKey(o.key()));
    }
    deleteObjects(sources);
  }

  @Override
  public void delete(String key) throws IOException {
    String full = fullKey(key);
    if (head(key).isPresent()) {
      deleteOne(full);
    }
    deleteFolderObjects(key, Set.of());
  }

  @Override
  public void close() {
    if (ownsClient) {
      s3.close();
    }
  }

  private Optional<ObjectStat> head(String key) throws IOException {
    String full = fullKey(key);
    try {
      HeadObjectResponse h = s3.headObject(r -> r.bucket(settings.bucket()).key(full));
      String[] hash = hashFromETag(h.eTag());
      return Optional.of(
          new ObjectStat(key, h.contentLength(), h.lastModified(), hash[0], hash[1], false));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404 && !(e instanceof NoSuchBucketException)) {
        return Optional.empty();
      }
      throw failure("stat", key, e);
    } catch (SdkException e) {
      throw failure("stat", key, e);
    }
  }

  private void putFile(Path source, String full, long size, StorageFiles.Progress counter)
      throws IOException {
    try {
      uploads.putFile(source, full, size, counter);
    } catch (SdkException e) {
      throw failure("upload", relativeKey(full), e);
    }
  }

  private void uploadMultipart(Path source, String full, long size, StorageFiles.Progress counter)
      throws IOException {
    try {
      uploads.uploadMultipart(source, full, size, counter);
    } catch (SdkException e) {
      throw failure("upload", relativeKey(full), e);
    }
  }

  private void uploadFolder(Path source, String key, TransferProgress progress) throws IOException {
    List<Path> files = StorageFiles.regularFiles(source);
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    StorageFiles.Progress counter = new StorageFiles.Progress(progress, total);
    Set<String> written = new HashSet<>();
    try {
      for (Path f : files) {
        String relative = source.relativize(f).toString().replace('\\', '/');
        String full = fullKey(key + "/" + relative);
        long size = Files.size(f);
        if (size > settings.multipartThreshold()) {
          uploadMultipart(f, full, size, counter);
        } else {
          putFile(f, full, size, counter);
        }
        written.add(full);
      }
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(new ArrayList<>(written));
      throw e;
    }
    deleteFolderObjects(key, written);
    if (head(key).isPresent()) {
      deleteOne(fullKey(key)); // a file used to live where the folder is now
    }
  }

  private void getObject(String key, Path file, StorageFiles.Progress counter) throws IOException {
    String full = fullKey(key);
    ResponseInputStream<GetObjectResponse> in;
    try {
      in = s3.getObject(r -> r.bucket(settings.bucket()).key(full));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(uri(key), null, "object vanished during download");
    } catch (SdkException e) {
      throw failure("download", key, e);
    }
    boolean complete = false;
    try {
      StorageFiles.copyStream(in, file, counter);
      complete = true;
    } finally {
      if (!complete) {
        in.abort();
      }
      in.close();
    }
  }

  private void copy(String fromKey, String toKey, long size) throws IOException {
    String source = fullKey(fromKey);
    String target = fullKey(toKey);
    try {
      if (size <= MAX_COPY_SIZE) {
        s3.copyObject(
            r ->
                r.sourceBucket(settings.bucket())
                    .sourceKey(source)
                    .destinationBucket(settings.bucket())
                    .destinationKey(target));
        return;
      }
      String uploadId =
          s3.createMultipartUpload(r -> r.bucket(settings.bucket()).key(target)).uploadId();
      try {
        long partSize = Math.max(settings.partSizeFor(size), 512L << 20);
        List<CompletedPart> parts = new ArrayList<>();
        int number = 1;
        for (long offset = 0; offset < size; offset += partSize, number++) {
          String range = "bytes=" + offset + "-" + (Math.min(offset + partSize, size) - 1);
          int partNumber = number;
          String etag =
              s3.uploadPartCopy(
                      r ->
                          r.sourceBucket(settings.bucket())
                              .sourceKey(source)
                              .destinationBucket(settings.bucket())
                              .destinationKey(target)
                              .uploadId(uploadId)
                              .partNumber(partNumber)
                              .copySourceRange(range))
                  .copyPartResult()
                  .eTag();
          parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        }
        s3.completeMultipartUpload(
            r ->
                r.bucket(settings.bucket())
                    .key(target)
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
      } catch (SdkException e) {
        uploads.abortQuietly(target, uploadId);
        throw e;
      }
    } catch (SdkException e) {
      throw failure("copy to '" + uri(toKey) + "'", fromKey, e);
    }
  }

  /**
   * Deletes every object below {@code key/} except those in {@code keep} (full keys). Folder
   * markers (empty objects whose key ends in '/') are removed in a second pass, after the objects
   * below them, and only when {@code keep} is empty: some S3-compatible stores represent them as
   * directories that vanish with their last object. Costs one LIST when nothing is there.
   */
  private void deleteFolderObjects(String key, Set<String> keep) throws IOException {
    List<String> objects = new ArrayList<>();
    boolean markers = false;
    String folderPrefix = fullKey(key) + "/";
    try {
      for (S3Object o :
          s3.listObjectsV2Paginator(r -> r.bucket(settings.bucket()).prefix(folderPrefix))
              .contents()) {
        if (o.key().endsWith("/")) {
          markers = true;
        } else if (!keep.contains(o.key())) {
          objects.add(o.key());
        }
      }
    } catch (SdkException e) {
      throw failure("list", key, e);
    }
    deleteObjects(objects);
    if (markers && keep.isEmpty()) {
      List<String> remaining = new ArrayList<>();
      try {
        for (S3Object o :
            s3.listObjectsV2Paginator(r -> r.bucket(settings.bucket()).prefix(folderPrefix))
                .contents()) {
          remaining.add(o.key());
        }
      } catch (SdkException e) {
        throw failure("list", key, e);
      }
      deleteObjects(remaining);
    }
  }

  private void deleteObjects(List<String> fullKeys) throws IOException {
    for (int start = 0; start < fullKeys.size(); start += 1000) {
      List<String> batch = fullKeys.subList(start, Math.min(fullKeys.size(), start + 1000));
      if (batch.size() == 1 || !batchDeleteWorks) {
        for (String k : batch) {
          deleteOne(k);
        }
        continue;
      }
      List<ObjectIdentifier> ids = new ArrayList<>();
      for (String k : batch) {
        ids.add(ObjectIdentifier.builder().key(k).build());
      }
      try {
        var response =
            s3.deleteObjects(
                r -> r.bucket(settings.bucket()).delete(d -> d.objects(ids).quiet(true)));
        if (response.hasErrors() && !response.errors().isEmpty()) {
          throw new StorageException(
              "S3 delete in '"
                  + root()
                  + "' failed for "
                  + response.errors().size()
                  + " objects, first: "
                  + response.errors().get(0).key()
                  + " ("
                  + response.errors().get(0).message()
                  + ")");
        }
      } catch (S3Exception e) {
        if (e.statusCode() != 501) {
          throw failure("delete", relativeKey(batch.get(0)), e);
        }
        // an S3-compatible store without multi-object delete (or its checksum headers): delete one
        // by one
        batchDeleteWorks = false;
        for (String k : batch) {
          deleteOne(k);
        }
      } catch (SdkException e) {
        throw failure("delete", relativeKey(batch.get(0)), e);
      }
    }
  }

  private void deleteOne(String full) throws IOException {
    try {
      s3.deleteObject(r -> r.bucket(settings.bucket()).key(full));
    } catch (NoSuchKeyException e) {
      // already gone
    } catch (SdkException e) {
      throw failure("delete", relativeKey(full), e);
    }
  }

  private void deleteQuietly(List<String> fullKeys) {
    try {
      deleteObjects(fullKeys);
    } catch (IOException | RuntimeException ignored) {
      // best effort on a failure path
    }
  }

  /** Validates {@code key} and prepends the root's prefix. */
  private String fullKey(String key) {
    StorageKeys.validateStorageKey(key);
    return settings.prefix().isEmpty() ? key : settings.prefix() + "/" + key;
  }

  private String relativeKey(String full) {
    return settings.prefix().isEmpty() ? full : full.substring(settings.prefix().length() + 1);
  }

  private String uri(String key) {
    return root() + "/" + key;
  }

  private StorageException failure(String operation, String key, SdkException e) {
    String hint = "";
    if (e instanceof NoSuchBucketException) {
      hint =
          "; the bucket '"
              + settings.bucket()
              + "' does not exist — create it or fix the storage root";
    } else if (e instanceof S3Exception && ((S3Exception) e).statusCode() == 403) {
      hint =
          "; access denied — check the AWS credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...) and bucket policy";
    } else if (settings.endpoint() != null) {
      hint = "; endpoint " + settings.endpoint();
    }
    return new StorageException(
        "S3 " + operation + " of '" + uri(key) + "' failed: " + oneLine(e.getMessage()) + hint, e);
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " | ");
  }

  /**
   * LaminDB's hash of an S3 object from its ETag (spec §3.4).
   *
   * @param eTag the ETag, quoted or not
   * @return {hash, hashType}, both null when the ETag is not an md5-style tag
   */
  static String[] hashFromETag(String eTag) {
    if (eTag == null) {
      return new String[] {null, null};
    }
    String tag = eTag.replace("\"", "").trim();
    int dash = tag.indexOf('-');
    String hex = dash < 0 ? tag : tag.substring(0, dash);
    if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return new String[] {null, null};
    }
    String type = dash < 0 ? ContentHashes.MD5 : "md5-" + tag.substring(dash + 1);
    return new String[] {ContentHashes.hexToB64(hex), type};
  }
}
