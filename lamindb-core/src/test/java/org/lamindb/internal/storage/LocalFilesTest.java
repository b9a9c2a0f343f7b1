package org.lamindb.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.storage.TransferProgress;

/** Temp names, atomic replacement and key resolution used by every backend. */
class LocalFilesTest {

  @TempDir Path tmp;

  @Test
  void objectKeysCannotLeaveTheTargetFolder() {
    assertThat(LocalFiles.resolveInside(tmp, "a/b.txt")).isEqualTo(tmp.resolve("a/b.txt"));
    for (String evil : new String[] {"../x", "a/../../x", "/etc/passwd", "a//b", "a\\..\\x"}) {
      assertThatThrownBy(() -> LocalFiles.resolveInside(tmp, evil))
          .as(evil)
          .isInstanceOf(InvalidArgumentException.class);
    }
  }

  @Test
  void replaceSwapsFoldersAndFiles() throws IOException {
    Path target = tmp.resolve("t");
    Files.createDirectories(target.resolve("old"));
    Files.writeString(target.resolve("old/f"), "old");
    Path temp = LocalFiles.tempSibling(target);
    assertThat(LocalFiles.isTemp(temp)).isTrue();
    Files.createDirectories(temp);
    Files.writeString(temp.resolve("new"), "new");
    LocalFiles.replace(temp, target);
    assertThat(target.resolve("new")).hasContent("new");
    assertThat(target.resolve("old")).doesNotExist();
    try (var siblings = Files.list(tmp)) {
      assertThat(siblings).containsExactly(target);
    }
  }

  @Test
  void copiesReportProgressUpToTheSize() throws IOException {
    Path source = Files.write(tmp.resolve("s"), new byte[3 << 20]);
    List<Long> done = new ArrayList<>();
    TransferProgress sink = (d, total) -> done.add(d);
    LocalFiles.copyFile(source, tmp.resolve("c"), new LocalFiles.Progress(sink, 3 << 20));
    assertThat(done).isNotEmpty().last().isEqualTo(3L << 20);
    assertThat(Files.mismatch(source, tmp.resolve("c"))).isEqualTo(-1L);

    Path empty = Files.createFile(tmp.resolve("empty"));
    done.clear();
    LocalFiles.copyFile(empty, tmp.resolve("e"), new LocalFiles.Progress(sink, 0));
    assertThat(done).containsExactly(0L);
  }
}
