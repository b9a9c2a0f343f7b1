package org.lamindb.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Artifact;
import org.lamindb.model.Note;
import org.lamindb.model.Notes;
import org.lamindb.model.Run;
import org.lamindb.testing.Backend;

/** Markdown notes (LaminDB's blocks): readme versions, comments, full-text search. */
abstract class AbstractNotesTest {
  @TempDir Path tmp;
  LaminDB ln;
  Artifact a;

  abstract Backend backend();

  @BeforeEach
  void setUp() throws Exception {
    ln = backend().newInstance(tmp);
    a = ln.artifact(Files.writeString(tmp.resolve("a.txt"), "a")).key("a.txt").save();
  }

  @AfterEach
  void tearDown() {
    ln.close();
  }

  @Test
  void readmeIsVersionedUnderOneStem() {
    assertThat(a.notes().readme()).isEmpty();
    Note v1 = a.notes().setReadme("# QC\nAll samples passed.");
    assertThat(v1.uid()).hasSize(20).endsWith("0000");
    assertThat(v1.kind()).isEqualTo("readme");
    assertThat(v1.hash()).hasSize(22);
    assertThat(v1.host()).isEqualTo("artifact");
    assertThat(v1.hostUid()).isEqualTo(a.uid());
    assertThat(a.notes().setReadme("# QC\nAll samples passed.")).isEqualTo(v1);
    Note v2 = a.notes().setReadme("# QC\nSample 3 failed.");
    assertThat(v2.uid()).startsWith(v1.uid().substring(0, 16)).endsWith("0001");
    assertThat(a.notes().readme().orElseThrow().content()).isEqualTo("# QC\nSample 3 failed.");
    List<Note> all = a.notes().list();
    assertThat(all).extracting(Note::uid).containsExactly(v1.uid(), v2.uid());
    assertThat(all).extracting(Note::isLatest).containsExactly(false, true);
  }

  @Test
  void commentsAreNotVersioned() {
    a.notes().setReadme("readme");
    Note c1 = a.notes().comment("first comment");
    Note c2 = a.notes().comment("second comment");
    assertThat(c1.uid().substring(0, 16)).isNotEqualTo(c2.uid().substring(0, 16));
    assertThat(a.notes().list())
        .extracting(Note::kind)
        .containsExactly("readme", "comment", "comment");
    assertThat(a.notes().readme().orElseThrow().content()).isEqualTo("readme");
    assertThatThrownBy(() -> a.notes().comment("  ")).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void everyHostTakesNotes() {
    Run run = ln.track(TrackOptions.ofKey("notes.sh").sourceCode("echo"));
    ln.finish();
    List<Notes> hosts =
        List.of(
            a.notes(),
            ln.collection(List.of(a)).key("c").save().notes(),
            run.transform().notes(),
            run.notes(),
            ln.record("r1").save().notes(),
            ln.project("p1").save().notes());
    for (Notes n : hosts) {
      n.setReadme("hello hostnote");
    }
    assertThat(ln.notes().search("hostnote"))
        .extracting(Note::host)
        .containsExactlyInAnyOrder(
            "artifact", "collection", "transform", "run", "record", "project");
  }

  @Test
  void searchFindsLatestReadmesAndCommentsWithEveryWord() throws Exception {
    Artifact b = ln.artifact(Files.writeString(tmp.resolve("b.txt"), "b")).key("b.txt").save();
    a.notes().setReadme("p53 knockout in HEK293 cells");
    a.notes().setReadme("p53 knockdown, revised");
    b.notes().comment("Knockout of P53 confirmed by western blot");
    assertThat(ln.notes().search("knockout p53"))
        .extracting(Note::content)
        .containsExactly("Knockout of P53 confirmed by western blot");
    assertThat(ln.notes().search("P53"))
        .extracting(Note::hostUid)
        .containsExactlyInAnyOrder(a.uid(), b.uid());
    assertThat(ln.notes().search("\"quoted\" OR *")).isEmpty();
    assertThat(ln.notes().recent(10)).hasSize(2);
    b.delete();
    assertThat(ln.notes().search("p53")).extracting(Note::hostUid).containsExactly(a.uid());
    assertThatThrownBy(() -> ln.notes().search(" -- "))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("at least one word");
  }

  @Test
  void permanentDeleteRemovesNotes() {
    a.notes().setReadme("gone soon zebrafish");
    a.delete(true);
    assertThat(ln.notes().search("zebrafish")).isEmpty();
  }

  @Test
  void unsavedEntityHasNoNotes() {
    Artifact unsaved = ln.artifact(tmp.resolve("a.txt")).key("other.txt");
    assertThatThrownBy(() -> unsaved.notes().setReadme("x"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("not saved");
  }
}
