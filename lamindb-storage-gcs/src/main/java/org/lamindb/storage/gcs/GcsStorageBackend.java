package org.lamindb.storage.gcs;

import com.google.cloud.NoCredentials;
import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;
import org.lamindb.storage.ContentHashes;
import org.lamindb.storage.ObjectStat;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.StorageFiles;
import org.lamindb.storage.StorageKeys;
import org.lamindb.storage.TransferProgress;

/**
 * Storage in a Google Cloud Storage bucket through google-cloud-storage. Uploads stream through a
 * resumable upload that is finalized only after the last byte, so a failed upload leaves no object;
 * stat derives LaminDB's hash from {@code md5Hash} ({@code md5}) or, for composite objects without
 * one, from the ETag ({@code md5-etag}).
 *
 * <pre>{@code
 * try (StorageBackend gcs = StorageBackends.forRoot("gs://my-bucket/lamin", Map.of())) {
 *   gcs.upload(Path.of("x.parquet"), ".lamindb/AbCd1234EfGh5678IjKl.parquet", TransferProgress.NONE);
 * }
 * }</pre>
 */
public final class GcsStorageBackend implements StorageBackend {

  /** Settings key of the Google Cloud project. */
  public static final String PROJECT = "project";

  /**
   * Settings key of a custom endpoint (an emulator such as fake-gcs-server); uses no credentials.
   */
  public static final String ENDPOINT_URL = "endpoint_url";

  private static final int CHUNK = 16 << 20;
  private static final int BUFFER = 1 << 20;

  private final Storage storage;
  private final String bucket;
  private final String prefix;
  private final boolean ownsClient;

  /**
   * @param storage the client; not closed by {@link #close()}
   * @param root {@code gs://bucket[/prefix]}
   */
  public GcsStorageBackend(Storage storage, String root) {
    this(storage, root, false);
  }

  private GcsStorageBackend(Storage storage, String root, boolean ownsClient) {
    String[] parts = parseRoot(root);
    this.storage = storage;
    this.bucket = parts[0];
    this.prefix = parts[1];
    this.ownsClient = ownsClient;
  }

  /**
   * Opens a backend with its own client, credentials from Application Default Credentials.
   *
   * @param root {@code gs://bucket[/prefix]}
   * @param settings {@code project}, {@code endpoint_url}; may be empty
   * @param env environment variables ({@code GOOGLE_CLOUD_PROJECT}, {@code STORAGE_EMULATOR_HOST})
   * @return the backend; close it to release the client
   */
  public static GcsStorageBackend open(
      String root, Map<String, String> settings, Map<String, String> env) {
    parseRoot(root);
    StorageOptions.Builder options = StorageOptions.http();
    String project = first(settings.get(PROJECT), env.get("GOOGLE_CLOUD_PROJECT"));
    if (project != null) {
      options.setProjectId(project);
    }
    String endpoint = first(settings.get(ENDPOINT_URL), env.get("STORAGE_EMULATOR_HOST"));
    if (endpoint != null) {
      options.setHost(endpoint).setCredentials(NoCredentials.getInstance());
    }
    return new GcsStorageBackend(options.build().getService(), root, true);
  }

  @Override
  public String root() {
    return prefix.isEmpty() ? "gs://" + bucket : "gs://" + bucket + "/" + prefix;
  }

  @Override
  public String type() {
    return "gs";
  }

  @Override
  public Optional<ObjectStat> stat(String key) throws IOException {
    Blob blob = get(key);
    if (blob != null) {
      return Optional.of(toStat(blob));
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
  public List<ObjectStat> list(String listPrefix) throws IOException {
    boolean all = listPrefix == null || listPrefix.isEmpty();
    String folderPrefix = all ? (prefix.isEmpty() ? "" : prefix + "/") : fullKey(listPrefix) + "/";
    List<ObjectStat> out = new ArrayList<>();
    for (Blob blob : blobsBelow(folderPrefix, listPrefix)) {
      if (!blob.getName().endsWith("/")) {
        out.add(toStat(blob));
      }
    }
    if (out.isEmpty() && !all) {
      Blob blob = get(listPrefix);
      if (blob != null) {
        out.add(toStat(blob));
      }
    }
    return out;
  }

  @Override
  public void upload(Path source, String key, TransferProgress progress) throws IOException {
    fullKey(key);
    if (Files.isDirectory(source)) {
      List<Path> files = StorageFiles.regularFiles(source);
      long total = 0;
      for (Path f : files) {
        total += Files.size(f);
      }
      StorageFiles.Progress counter = new StorageFiles.Progress(progress, total);
      Set<String> written = new HashSet<>();
      try {
        for (Path f : files) {
          String full = fullKey(key + "/" + source.relativize(f).toString().replace('\\', '/'));
          write(f, full, counter);
          written.add(full);
        }
      } catch (IOException | RuntimeException | Error e) {
        for (String full : written) {
          deleteQuietly(full);
        }
        throw e;
      }
      deleteBelow(key, written);
      deleteBlob(fullKey(key));
      return;
    }
    write(source, fullKey(key), new StorageFiles.Progress(progress, Files.size(source)));
    deleteBelow(key, Set.of());
  }

  @Override
  public void download(String key, Path target, TransferProgress progress) throws IOException {
    ObjectStat stat =
        stat(key)
            .orElseThrow(() -> new NoSuchFileException(uri(key), null, "no object at this key"));
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temp = StorageFiles.tempSibling(absolute);
    StorageFiles.Progress counter = new StorageFiles.Progress(progress, stat.size());
    try {
      if (stat.folder()) {
        Files.createDirectories(temp);
        for (ObjectStat o : list(key)) {
          Path file = StorageFiles.resolveInside(temp, o.key().substring(key.length() + 1));
          Files.createDirectories(file.getParent());
          read(o.key(), file, counter);
        }
      } else {
        read(key, temp, counter);
      }
      StorageFiles.replace(temp, absolute);
    } catch (IOException | RuntimeException | Error e) {
      StorageFiles.deleteQuietly(temp);
      throw e;
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    if (get(key) == null) {
      throw new NoSuchFileException(uri(key), null, "no object at this key");
    }
    try {
      ReadChannel reader = storage.reader(BlobId.of(bucket, fullKey(key)));
      reader.setChunkSize(CHUNK);
      return Channels.newInputStream(reader);
    } catch (com.google.cloud.storage.StorageException e) {
      throw failure("open", key, e);
    }
  }

  /**
   * A ranged read: the channel seeks to {@code offset} and is limited to {@code offset + length},
   * so only the range is requested from GCS (a range starting past the end gives no bytes).
   */
  @Override
  public InputStream open(String key, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "negative range (offset " + offset + ", length " + length + ") for " + key);
    }
    Blob blob = get(key);
    if (blob == null) {
      throw new NoSuchFileException(uri(key), null, "no object at this key");
    }
    Long size = blob.getSize();
    if (length == 0 || (size != null && offset >= size)) {
      return InputStream.nullInputStream();
    }
    long end = size == null ? offset + length : Math.min(size, offset + length);
    try {
      ReadChannel reader = storage.reader(BlobId.of(bucket, fullKey(key)));
      reader.setChunkSize((int) Math.min(CHUNK, Math.max(end - offset, 1 << 16)));
      reader.seek(offset);
      reader.limit(end);
      return Channels.newInputStream(reader);
    } catch (com.google.cloud.storage.StorageException e) {
      throw failure("open", key, e);
    }
  }

  @Override
  public void move(String fromKey, String toKey) throws IOException {
    fullKey(fromKey);
    fullKey(toKey);
    Blob blob = get(fromKey);
    if (blob != null) {
      copy(fromKey, toKey);
      deleteBlob(fullKey(fromKey));
      return;
    }
    List<ObjectStat> objects = list(fromKey);
    if (objects.isEmpty()) {
      throw new NoSuchFileException(uri(fromKey), null, "nothing to move");
    }
    Set<String> moved = new HashSet<>();
    for (ObjectStat o : objects) {
      String target = toKey + o.key().substring(fromKey.length());
      copy(o.key(), target);
      moved.add(fullKey(target));
    }
    deleteBelow(toKey, moved);
    for (ObjectStat o : objects) {
      deleteBlob(fullKey(o.key()));
    }
  }

  @Override
  public void delete(String key) throws IOException {
    deleteBlob(fullKey(key));
    deleteBelow(key, Set.of());
  }

  @Override
  public void close() {
    if (ownsClient) {
      try {
        storage.close();
      } catch (Exception e) {
        // closing releases pooled connections only; nothing to report
      }
    }
  }

  private void write(Path source, String full, StorageFiles.Progress counter) throws IOException {
    BlobInfo info = BlobInfo.newBuilder(BlobId.of(bucket, full)).build();
    if (Files.size(source) <= CHUNK) {
      writeSmall(source, info, counter);
      return;
    }
    WriteChannel writer;
    try {
      writer = storage.writer(info);
    } catch (com.google.cloud.storage.StorageException e) {
      throw failure("upload", relativeKey(full), e);
    }
    writer.setChunkSize(CHUNK);
    // Deliberately no try-with-resources: closing a writer finalizes the object, which must not
    // happen for a
    // transfer that failed half-way. An unfinished resumable session expires on the server.
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
      long size = in.size();
      long position = 0;
      while (position < size) {
        buffer.clear();
        int n = in.read(buffer, position);
        if (n < 0) {
          throw new IOException("file shrank during upload: " + source);
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
          writer.write(buffer);
        }
        position += n;
        counter.add(n);
      }
      if (size == 0) {
        counter.add(0);
      }
    } catch (com.google.cloud.storage.StorageException e) {
      throw failure("upload", relativeKey(full), e);
    }
    try {
      writer.close();
    } catch (com.google.cloud.storage.StorageException e) {
      throw failure("upload", relativeKey(full), e);
    }
  }

  /** Files up to one chunk go up in a single request: atomic, and one round trip instead of two. */
  private void writeSmall(Path source, BlobInfo info, StorageFiles.Progress counter)
      throws IOException {
    byte[] content;
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
      long size = in.size();
      if (size > CHUNK) {
        throw new IOException("file grew during upload: " + source);
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) size);
      while (buffer.hasRemaining()) {
        int n = in.read(buffer);
        if (n < 0) {
          throw new IOException("file shrank during upload: " + source);
        }
        counter.add(n);
      }
      if (size == 0) {
        counter.add(0);
      }
      content = buffer.array();
    }
    try {
      storage.create(info, content);
    } catch (com.google.cloud.storage.StorageException e) {
      throw failure("upload", relativeKey(info.getName()), e);
    }
  }

  private void read(String key, Path file, StorageFiles.Progress counter) throws IOException {
    try (ReadChannel reader = storage.reader(BlobId.of(bucket, fullKey(key)));
        InputStream in = Channels.newInputStream(reader)) {
      reader.setChunkSize(CHUNK);
      StorageFiles.copyStream(in, file, counter);
    } catch (com.google.cloud.storage.StorageException e) {
      throw failure("download", key, e);
    }
  }

  private void copy(String fromKey, String toKey) throws IOException {
    try {
      storage
          .copy(
              Storage.CopyRequest.of(
                  BlobId.of(bucket, fullKey(fromKey)), BlobId.of(bucket, fullKey(toKey))))
          .getResult();
    } catch (com.google.cloud.storage.StorageException e) {
      throw failure("copy to '" + uri(toKey) + "'", fromKey, e);
    }
  }

  private Blob get(String key) throws IOException {
    try {
      return storage.get(BlobId.of(bucket, fullKey(key)));
    } catch (com.google.cloud.storage.StorageException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw failure("stat", key, e);
    }
  }

  private Iterable<Blob> blobsBelow(String folderPrefix, String keyForErrors) throws IOException {
    try {
      List<Blob> out = new ArrayList<>();
      for (Blob b :
          storage.list(bucket, Storage.BlobListOption.prefix(folderPrefix)).iterateAll()) {
        out.add(b);
      }
      return out;
    } catch (com.google.cloud.storage.StorageException e) {
      throw failure("list", keyForErrors == null ? "" : keyForErrors, e);
    }
  }

  private void deleteBelow(String key, Set<String> keep) throws IOException {
    for (Blob blob : blobsBelow(fullKey(key) + "/", key)) {
      if (!keep.contains(blob.getName())) {
        deleteBlob(blob.getName());
      }
    }
  }

  private void deleteBlob(String full) throws IOException {
    try {
      storage.delete(BlobId.of(bucket, full));
    } catch (com.google.cloud.storage.StorageException e) {
      if (e.getCode() != 404) {
        throw failure("delete", relativeKey(full), e);
      }
    }
  }

  private void deleteQuietly(String full) {
    try {
      deleteBlob(full);
    } catch (IOException | RuntimeException ignored) {
      // best effort on a failure path
    }
  }

  private ObjectStat toStat(Blob blob) {
    String[] hash = hashOf(blob.getMd5(), blob.getEtag());
    Instant modified =
        blob.getUpdateTimeOffsetDateTime() != null
            ? blob.getUpdateTimeOffsetDateTime().toInstant()
            : null;
    long size = blob.getSize() == null ? 0 : blob.getSize();
    return new ObjectStat(relativeKey(blob.getName()), size, modified, hash[0], hash[1], false);
  }

  /**
   * LaminDB's hash of a GCS object (spec §3.4).
   *
   * @param md5Base64 the object's {@code md5Hash} (standard base64), or null
   * @param etag the object's ETag, or null
   * @return {hash, hashType}; both null when neither is known
   */
  static String[] hashOf(String md5Base64, String etag) {
    if (md5Base64 != null && !md5Base64.isEmpty()) {
      String b64url = md5Base64.replace('+', '-').replace('/', '_');
      while (b64url.endsWith("=")) {
        b64url = b64url.substring(0, b64url.length() - 1);
      }
      return new String[] {b64url, ContentHashes.MD5};
    }
    if (etag != null && !etag.isEmpty()) {
      return new String[] {ContentHashes.hashString(etag), "md5-etag"};
    }
    return new String[] {null, null};
  }

  private String fullKey(String key) {
    StorageKeys.validateStorageKey(key);
    return prefix.isEmpty() ? key : prefix + "/" + key;
  }

  private String relativeKey(String full) {
    return prefix.isEmpty() ? full : full.substring(prefix.length() + 1);
  }

  private String uri(String key) {
    return root() + "/" + key;
  }

  private StorageException failure(
      String operation, String key, com.google.cloud.storage.StorageException e) {
    String hint = "";
    if (e.getCode() == 401 || e.getCode() == 403) {
      hint =
          "; check Application Default Credentials (gcloud auth application-default login) and"
              + " bucket IAM";
    }
    return new StorageException(
        "GCS " + operation + " of '" + uri(key) + "' failed: " + e.getMessage() + hint, e);
  }

  private static String[] parseRoot(String root) {
    if (root == null || !root.startsWith("gs://")) {
      throw new InvalidArgumentException(
          "Not a GCS root: '" + root + "'; expected gs://bucket[/prefix].");
    }
    String rest = root.substring("gs://".length());
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty() || prefix.contains("//")) {
      throw new InvalidArgumentException(
          "GCS root '" + root + "' is malformed; expected gs://bucket[/prefix].");
    }
    return new String[] {bucket, prefix};
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
