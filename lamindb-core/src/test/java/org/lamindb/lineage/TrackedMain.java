package org.lamindb.lineage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lamindb.LaminDB;

/** A main class for the class- and jar-program tests: tracks itself with its parsed arguments. */
public final class TrackedMain {
  private TrackedMain() {}

  public static void main(String[] args) throws Exception {
    try (LaminDB ln = LaminDB.connect()) {
      Map<String, Object> params = new LinkedHashMap<>(Params.fromArgs(args));
      params.put("db_password", "hunter2");
      ln.track(params);
      Files.writeString(Path.of("main-" + ProcessHandle.current().pid() + ".txt"), "main\n");
      ln.artifact(Path.of("main-" + ProcessHandle.current().pid() + ".txt"))
          .description("from main")
          .save();
      ln.finish();
    }
  }
}
