package org.lamindb.upgrade;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.model.Artifact;
import org.lamindb.model.ULabel;

/**
 * Makes the frozen instance that {@code AbstractUpgradeTest} migrates: run once with the code of
 * the schema version being frozen, and commit its output under test resources.
 *
 * <p>Arguments: outDir [postgresUrl]. Writes {@code outDir/storage} (files and, without a
 * PostgreSQL URL, {@code .lamindb/lamin.db}).
 */
public final class FrozenInstanceMaker {
  private FrozenInstanceMaker() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Path storage = out.resolve("storage");
    Path work = Files.createDirectories(out.resolve("work"));
    LaminSetup setup = LaminSetup.at(out.resolve("home"), Map.of());
    InitOptions o = InitOptions.storage(storage.toString()).name("frozen");
    if (args.length > 1) {
      o = o.db(args[1]);
    }
    try (LaminDB ln = setup.init(o)) {
      ULabel label = ln.ulabel("frozen label").save();
      for (int i = 0; i < 6; i++) {
        Path f = work.resolve("file" + i + ".txt");
        Files.writeString(f, "frozen content " + i + "\n".repeat(i + 1), StandardCharsets.UTF_8);
        Artifact a = ln.artifact(f).key("frozen/k" + (i % 3) + ".txt").save();
        if (i == 0) {
          a.ulabels().add(label);
        }
      }
      Path dir = Files.createDirectories(work.resolve("folder"));
      Files.writeString(dir.resolve("a.csv"), "x,y\n1,2\n");
      Files.writeString(dir.resolve("b.csv"), "x,y\n3,4\n");
      ln.artifact(dir).key("frozen/folder").save();
    }
  }
}
