package org.lamindb.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.model.Artifact;
import org.lamindb.testing.Backend;

/**
 * Issue 20, {@code lamin://owner/name/artifact/<uid or key>}: a read-only NIO file system provider,
 * found through {@code Path.of(URI)} by any JVM code.
 */
abstract class AbstractLaminUriTest {
  @TempDir Path tmp;
  LaminSetup setup;
  LaminDB ln;
  Artifact v1;
  Artifact v2;
  FileSystem fs;

  abstract Backend backend();

  @BeforeEach
  void create() throws Exception {
    setup = Backend.setup(tmp);
    ln = setup.init(backend().options(tmp.resolve("storage"), "uris"));
    v1 =
        ln.artifact(Files.writeString(tmp.resolve("a.txt"), "version one"))
            .key("dir/a b.txt")
            .save();
    v2 =
        ln.artifact(Files.writeString(tmp.resolve("a2.txt"), "version two!"))
            .key("dir/a b.txt")
            .revises(v1)
            .save();
    fs = FileSystems.newFileSystem(URI.create("lamin://" + ln.slug()), Map.of("setup", setup));
  }

  @AfterEach
  void close() throws Exception {
    fs.close();
    ln.close();
  }

  @Test
  void readsAnArtifactByUidStemAndKeyThroughPathOfUri() throws Exception {
    Path byUid = Path.of(URI.create("lamin://" + ln.slug() + "/artifact/" + v1.uid()));
    assertThat(byUid.getFileSystem()).isSameAs(fs);
    assertThat(Files.readString(byUid)).isEqualTo("version one");
    Path byStem =
        Path.of(URI.create("lamin://" + ln.slug() + "/artifact/" + v1.uid().substring(0, 16)));
    assertThat(Files.readString(byStem)).isEqualTo("version two!"); // the latest version
    Path byKey = Path.of(URI.create("lamin://" + ln.slug() + "/artifact/dir/a%20b.txt"));
    assertThat(Files.readString(byKey)).isEqualTo("version two!");
    assertThat(byKey.getFileName().toString()).isEqualTo("a b.txt");
    assertThat(byKey.toUri())
        .isEqualTo(URI.create("lamin://" + ln.slug() + "/artifact/dir/a%20b.txt"));
    assertThat(Path.of(byKey.toUri())).isEqualTo(byKey);

    BasicFileAttributes attrs = Files.readAttributes(byUid, BasicFileAttributes.class);
    assertThat(attrs.size()).isEqualTo(11);
    assertThat(attrs.isRegularFile()).isTrue();
    assertThat(attrs.fileKey()).isEqualTo(v1.uid());
    assertThat(Files.size(byKey)).isEqualTo(12);
    assertThat(Files.exists(byKey)).isTrue();
    try (SeekableByteChannel ch = Files.newByteChannel(byKey)) {
      ch.position(8);
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4);
      ch.read(b);
      assertThat(new String(b.array(), StandardCharsets.UTF_8)).isEqualTo("two!");
    }
    try (InputStream in = Files.newInputStream(byUid)) {
      assertThat(in.readAllBytes()).hasSize(11);
    }
  }

  @Test
  void missingArtifactsAndWritesFailClearly() {
    Path missing = fs.getPath("/artifact/no/such/key.txt");
    assertThat(Files.exists(missing)).isFalse();
    assertThatThrownBy(() -> Files.readString(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("no artifact with uid or key 'no/such/key.txt'")
        .hasMessageContaining(ln.slug());
    Path p = fs.getPath("/artifact", v1.uid());
    assertThat(Files.isReadable(p)).isTrue();
    assertThat(Files.isWritable(p)).isFalse();
    assertThatThrownBy(() -> Files.writeString(p, "x"))
        .isInstanceOf(ReadOnlyFileSystemException.class);
    assertThatThrownBy(() -> Files.newOutputStream(p, StandardOpenOption.APPEND))
        .isInstanceOf(ReadOnlyFileSystemException.class);
    assertThatThrownBy(() -> Files.delete(p)).isInstanceOf(ReadOnlyFileSystemException.class);
    assertThatThrownBy(() -> Path.of(URI.create("lamin://nobody")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no instance");
  }

  @Test
  void pathsResolveAndRelativizeLikeUnixPaths() {
    Path dir = fs.getPath("/artifact/dir");
    Path file = dir.resolve("a b.txt");
    assertThat(file.toString()).isEqualTo("/artifact/dir/a b.txt");
    assertThat(file.getParent()).isEqualTo(dir);
    assertThat(file.getNameCount()).isEqualTo(3);
    assertThat(file.startsWith(fs.getPath("/artifact"))).isTrue();
    assertThat(file.endsWith(fs.getPath("dir/a b.txt"))).isTrue();
    assertThat(dir.relativize(file).toString()).isEqualTo("a b.txt");
    assertThat(fs.getPath("/artifact/dir/../x/./y").normalize().toString())
        .isEqualTo("/artifact/x/y");
    assertThat(fs.isReadOnly()).isTrue();
  }
}
