package org.lamindb.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.TransferProgress;

/**
 * The shared suite on local disk, plus local-only rules (symbolic links, roots, provider lookup).
 */
class LocalStorageBackendTest extends AbstractStorageBackendTest {

  private Path root;

  @Override
  protected StorageBackend createBackend(Path scratch) {
    root = scratch.resolve("root");
    return StorageBackends.forRoot(root.toString(), Map.of());
  }

  @Override
  protected Optional<String> childJvmRoot() {
    return Optional.of(root.toString());
  }

  @Override
  protected boolean statReportsMd5() {
    return false;
  }

  @Test
  void localPathIsTheFileBelowTheRoot() throws IOException {
    backend.upload(local("x", "x"), "a/x.txt", TransferProgress.NONE);
    assertThat(backend.localPath("a/x.txt")).contains(root.resolve("a/x.txt"));
    assertThat(root.resolve("a/x.txt")).hasContent("x");
    assertThat(backend.type()).isEqualTo("local");
    assertThat(backend.root()).isEqualTo(root.toString());
    try (var files = Files.list(root.resolve("a"))) {
      assertThat(files).containsExactly(root.resolve("a/x.txt"));
    }
  }

  @Test
  void symbolicLinksLeavingTheRootAreRejected() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.createDirectories(root);
    Files.createSymbolicLink(root.resolve("link"), outside);
    assertThatThrownBy(() -> backend.open("link/secret.txt"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("rule 'inside-root'");
    assertThatThrownBy(() -> backend.upload(local("w", "w"), "link/new.txt", TransferProgress.NONE))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(outside.resolve("new.txt")).doesNotExist();

    Files.createDirectories(root.resolve("real"));
    Files.writeString(root.resolve("real/in.txt"), "inside");
    Files.createSymbolicLink(root.resolve("inner"), root.resolve("real"));
    assertThat(read("inner/in.txt")).isEqualTo("inside");
  }

  @Test
  void fileUrisAndRelativeRoots() throws IOException {
    try (StorageBackend viaUri = StorageBackends.forRoot(root.toUri().toString(), Map.of())) {
      assertThat(viaUri.root()).isEqualTo(root.toString());
      viaUri.upload(local("u", "uri"), "u.txt", TransferProgress.NONE);
    }
    assertThat(read("u.txt")).isEqualTo("uri");
    assertThatThrownBy(() -> StorageBackends.forRoot("relative/root", Map.of()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("relative");
  }

  @Test
  void missingModulesAreNamed() {
    assertThatThrownBy(() -> StorageBackends.forRoot("s3://bucket/prefix", Map.of()))
        .isInstanceOf(StorageException.class)
        .hasMessage(
            "no storage backend for 's3://bucket/prefix': add org.lamindb:lamindb-storage-s3 to the classpath");
    assertThatThrownBy(() -> StorageBackends.forRoot("gs://bucket", Map.of()))
        .hasMessageContaining("org.lamindb:lamindb-storage-gcs");
    assertThatThrownBy(() -> StorageBackends.forRoot("hf://datasets/x", Map.of()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("'hf://'");
  }

  @Test
  void uploadOfAFolderOverAFileAndBack() throws IOException {
    backend.upload(local("f", "file"), "thing", TransferProgress.NONE);
    local("dir/a", "a");
    backend.upload(tmp.resolve("local/dir"), "thing", TransferProgress.NONE);
    assertThat(backend.stat("thing").orElseThrow().folder()).isTrue();
    backend.upload(local("f", "file"), "thing", TransferProgress.NONE);
    assertThat(read("thing")).isEqualTo("file");
  }
}
