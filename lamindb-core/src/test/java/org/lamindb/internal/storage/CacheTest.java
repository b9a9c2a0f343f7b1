package org.lamindb.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.storage.TransferProgress;

/** Cache root precedence and cache paths (spec §4.5). Syncing is covered by the backend suites. */
class CacheTest {

  private static final Path HOME = Path.of("/home/u");

  @Test
  void rootPrecedence() {
    assertThat(
            Cache.resolveRoot(
                Map.of("LAMIN_CACHE_DIR", "/env/cache"), "/configured", HOME, "Linux"))
        .isEqualTo(Path.of("/env/cache"));
    assertThat(Cache.resolveRoot(Map.of(), "/configured", HOME, "Linux"))
        .isEqualTo(Path.of("/configured"));
    assertThat(Cache.resolveRoot(Map.of(), "~/c", HOME, "Linux")).isEqualTo(Path.of("/home/u/c"));
    assertThat(Cache.resolveRoot(Map.of(), null, HOME, "Linux"))
        .isEqualTo(Path.of("/home/u/.cache/lamindb"));
    assertThat(Cache.resolveRoot(Map.of("LAMIN_CACHE_DIR", " "), "null", HOME, "Linux"))
        .isEqualTo(Path.of("/home/u/.cache/lamindb"));
    assertThat(Cache.resolveRoot(Map.of("XDG_CACHE_HOME", "/xdg"), null, HOME, "Linux"))
        .isEqualTo(Path.of("/xdg/lamindb"));
    assertThat(Cache.resolveRoot(Map.of(), "", HOME, "Mac OS X"))
        .isEqualTo(Path.of("/home/u/Library/Caches/lamindb"));
  }

  @Test
  void cachePathsMirrorTheRemoteLayout() {
    Cache cache = new Cache(Path.of("/c"));
    assertThat(cache.pathFor("s3://bucket", ".lamindb/AbCd1234EfGh5678IjKl.h5ad"))
        .isEqualTo(Path.of("/c/bucket/.lamindb/AbCd1234EfGh5678IjKl.h5ad"));
    assertThat(cache.pathFor("s3://lamindb-ci/unit-tests?endpoint_url=http://x", "test_cache.h5ad"))
        .isEqualTo(Path.of("/c/lamindb-ci/unit-tests/test_cache.h5ad"));
    assertThat(cache.pathFor("gs://b/p/", "k/v.csv")).isEqualTo(Path.of("/c/b/p/k/v.csv"));
    assertThat(cache.pathFor("https://example.org/data", "x.csv"))
        .isEqualTo(Path.of("/c/example.org/data/x.csv"));
  }

  @Test
  void syncDownloadsOnlyMissingOrOlderCopies(@TempDir Path tmp) throws IOException {
    LocalStorageBackend remote = new LocalStorageBackend(tmp.resolve("remote"));
    Path source = Files.writeString(tmp.resolve("src.txt"), "v1");
    remote.upload(source, "k/x.txt", TransferProgress.NONE);
    Instant remoteTime = Instant.parse("2026-01-01T00:00:00Z");
    Files.setLastModifiedTime(tmp.resolve("remote/k/x.txt"), FileTime.from(remoteTime));
    Cache cache = new Cache(tmp.resolve("cache"));
    Path local = tmp.resolve("cache/copy.txt");

    assertThat(cache.sync(remote, "k/x.txt", local, TransferProgress.NONE)).isEqualTo(1);
    assertThat(local).hasContent("v1");
    assertThat(Files.getLastModifiedTime(local).toInstant()).isEqualTo(remoteTime);
    assertThat(cache.sync(remote, "k/x.txt", local, TransferProgress.NONE)).isZero();

    // a newer local copy of the same size is kept
    Files.setLastModifiedTime(local, FileTime.from(remoteTime.plusSeconds(60)));
    assertThat(cache.sync(remote, "k/x.txt", local, TransferProgress.NONE)).isZero();

    // the remote changes later: downloaded again
    Files.writeString(tmp.resolve("remote/k/x.txt"), "v2");
    Files.setLastModifiedTime(
        tmp.resolve("remote/k/x.txt"), FileTime.from(remoteTime.plusSeconds(3600)));
    assertThat(cache.sync(remote, "k/x.txt", local, TransferProgress.NONE)).isEqualTo(1);
    assertThat(local).hasContent("v2");

    assertThatThrownBy(() -> cache.sync(remote, "k/missing", local, TransferProgress.NONE))
        .isInstanceOf(NoSuchFileException.class);
    // local storage needs no cache: the file itself is returned
    assertThat(cache.cache(remote, "k/x.txt")).isEqualTo(tmp.resolve("remote/k/x.txt"));
  }

  @Test
  void cachePathsCannotLeaveTheCache() {
    Cache cache = new Cache(Path.of("/c"));
    assertThatThrownBy(() -> cache.pathFor("s3://bucket", "../../etc/passwd"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no-dot-segments");
    assertThatThrownBy(() -> cache.pathFor("s3://..", "x"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> cache.pathFor("s3://b", "a//b"))
        .isInstanceOf(InvalidArgumentException.class);
  }
}
