package org.lamindb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code bin/lamin} launcher (and so the packaged jar) in a temporary settings
 * directory.
 */
final class LaminProcess {
  private final Path home;
  private final Map<String, String> extraEnv;

  LaminProcess(Path home, Map<String, String> extraEnv) {
    this.home = home;
    this.extraEnv = extraEnv;
  }

  record Result(int exit, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  Result run(String... args) throws IOException, InterruptedException {
    return run(home.getParent(), args);
  }

  Result run(Path cwd, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("lamin.launcher", "../bin/lamin"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().put("LAMIN_HOME", home.toString());
    pb.environment().put("LAMIN_CACHE_DIR", home.resolveSibling("cache").toString());
    pb.environment().remove("LAMIN_INSTANCE");
    pb.environment().putAll(extraEnv);
    Path out = home.resolveSibling("out-" + System.nanoTime());
    Path err = home.resolveSibling("err-" + System.nanoTime());
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(
          "lamin " + String.join(" ", args) + " did not finish in 120 s");
    }
    return new Result(
        p.exitValue(),
        java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
        java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
  }
}
