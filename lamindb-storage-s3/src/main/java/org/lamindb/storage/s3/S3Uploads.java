package org.lamindb.storage.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.lamindb.storage.FileRegionInputStream;
import org.lamindb.storage.StorageFiles;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Single-PUT and multipart uploads of local files for {@link S3StorageBackend}. SDK errors
 * propagate as {@link SdkException}; the backend turns them into messages naming the object.
 */
final class S3Uploads {

  private static final ThreadFactory UPLOAD_THREADS =
      runnable -> {
        Thread t = new Thread(runnable, "lamindb-s3-upload");
        t.setDaemon(true);
        return t;
      };

  private final S3Client s3;
  private final S3Settings settings;

  S3Uploads(S3Client s3, S3Settings settings) {
    this.s3 = s3;
    this.settings = settings;
  }

  /** Uploads a file in one PUT, streamed from disk. */
  void putFile(Path source, String full, long size, StorageFiles.Progress counter)
      throws IOException {
    if (size == 0) {
      counter.add(0);
    }
    s3.putObject(
        r -> r.bucket(settings.bucket()).key(full).contentLength(size),
        body(source, 0, size, counter));
  }

  /**
   * Uploads a file in parts of {@link S3Settings#partSizeFor}, {@link S3Settings#concurrency} at a
   * time, each streamed from its region of the file; aborts the upload on any failure so that no
   * object and no billed parts remain.
   */
  void uploadMultipart(Path source, String full, long size, StorageFiles.Progress counter)
      throws IOException {
    String uploadId =
        s3.createMultipartUpload(r -> r.bucket(settings.bucket()).key(full)).uploadId();
    long partSize = settings.partSizeFor(size);
    int partCount = (int) ((size + partSize - 1) / partSize);
    int threads = Math.min(settings.concurrency(), partCount);
    ExecutorService pool =
        threads > 1 ? Executors.newFixedThreadPool(threads, UPLOAD_THREADS) : null;
    try {
      List<Future<CompletedPart>> futures = new ArrayList<>();
      List<CompletedPart> parts = new ArrayList<>();
      for (int i = 0; i < partCount; i++) {
        long offset = i * partSize;
        long length = Math.min(partSize, size - offset);
        int partNumber = i + 1;
        Callable<CompletedPart> task =
            () -> uploadPart(source, full, uploadId, partNumber, offset, length, counter);
        if (pool == null) {
          parts.add(task.call());
        } else {
          futures.add(pool.submit(task));
        }
      }
      for (Future<CompletedPart> f : futures) {
        parts.add(f.get());
      }
      s3.completeMultipartUpload(
          r ->
              r.bucket(settings.bucket())
                  .key(full)
                  .uploadId(uploadId)
                  .multipartUpload(m -> m.parts(parts)));
    } catch (Exception | Error e) {
      if (pool != null) {
        pool.shutdownNow();
        awaitParts(pool); // S3: a part still in flight may land after the abort and keep the upload
      }
      abortQuietly(full, uploadId);
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IOException("S3 upload of '" + full + "' failed: " + cause, cause);
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  private CompletedPart uploadPart(
      Path source,
      String full,
      String uploadId,
      int partNumber,
      long offset,
      long length,
      StorageFiles.Progress counter) {
    String etag =
        s3.uploadPart(
                r ->
                    r.bucket(settings.bucket())
                        .key(full)
                        .uploadId(uploadId)
                        .partNumber(partNumber)
                        .contentLength(length),
                body(source, offset, length, counter))
            .eTag();
    return CompletedPart.builder().partNumber(partNumber).eTag(etag).build();
  }

  /** Waits (bounded) until no part upload of {@code pool} is running, so an abort is final. */
  private static void awaitParts(ExecutorService pool) {
    try {
      pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  /** Aborts a multipart upload, ignoring errors (the caller reports the original one). */
  void abortQuietly(String full, String uploadId) {
    try {
      s3.abortMultipartUpload(r -> r.bucket(settings.bucket()).key(full).uploadId(uploadId));
    } catch (SdkException ignored) {
      // the original failure is what the caller needs to see; S3 lifecycle rules clean up leftovers
    }
  }

  /**
   * A request body read lazily from a file region. Retries re-open the region; progress counts each
   * byte once, however often the SDK re-reads (e.g. for signing).
   */
  private static RequestBody body(
      Path file, long offset, long length, StorageFiles.Progress counter) {
    long[] reported = {0};
    ContentStreamProvider provider =
        () -> {
          long[] read = {0};
          try {
            return new FileRegionInputStream(
                file,
                offset,
                length,
                n -> {
                  read[0] += n;
                  if (read[0] > reported[0]) {
                    counter.add(read[0] - reported[0]);
                    reported[0] = read[0];
                  }
                });
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    return RequestBody.fromContentProvider(provider, length, "application/octet-stream");
  }
}
