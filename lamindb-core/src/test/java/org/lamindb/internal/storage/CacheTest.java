package org.lamindb.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lamindb.InvalidArgumentException;

/** Cache root precedence and cache paths (spec §4.5). Syncing is covered by the backend suites. */
class CacheTest {

  private static final Path HOME = Path.of("/home/u");

  @Test
  void rootPrecedence() {
    assertThat(Cache.resolveRoot(Map.of("LAMIN_CACHE_DIR", "/env/cache"), "/configured", HOME, "Linux"))
        .isEqualTo(Path.of("/env/cache"));
    assertThat(Cache.resolveRoot(Map.of(), "/configured", HOME, "Linux")).isEqualTo(Path.of("/configured"));
    assertThat(Cache.resolveRoot(Map.of(), "~/c", HOME, "Linux")).isEqualTo(Path.of("/home/u/c"));
    assertThat(Cache.resolveRoot(Map.of(), null, HOME, "Linux")).isEqualTo(Path.of("/home/u/.cache/lamindb"));
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
  void cachePathsCannotLeaveTheCache() {
    Cache cache = new Cache(Path.of("/c"));
    assertThatThrownBy(() -> cache.pathFor("s3://bucket", "../../etc/passwd"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no-dot-segments");
    assertThatThrownBy(() -> cache.pathFor("s3://..", "x"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> cache.pathFor("s3://b", "a//b")).isInstanceOf(InvalidArgumentException.class);
  }
}
