package org.lamindb.lineage;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Runs programs as child processes against a test instance (settings dir and cache below a temp
 * dir).
 */
final class ChildProgram {
  record Result(int exit, String out, String err) {}

  private ChildProgram() {}

  /**
   * @return the test class path as real entries (surefire may pass a manifest-only jar)
   */
  static List<String> classpath() {
    List<String> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.contains("surefirebooter") && e.endsWith(".jar")) {
        try (JarFile jf = new JarFile(e)) {
          String cp = jf.getManifest().getMainAttributes().getValue("Class-Path");
          for (String u : cp.trim().split("\\s+")) {
            out.add(Path.of(URI.create(u)).toString());
          }
        } catch (IOException ex) {
          throw new IllegalStateException(ex);
        }
      } else {
        out.add(e);
      }
    }
    return out;
  }

  static String classpathString() {
    return String.join(File.pathSeparator, classpath());
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs {@code cmd} in {@code cwd} with LAMIN_HOME/LAMIN_CACHE_DIR of {@code tmp}. */
  static Result run(Path tmp, Path cwd, List<String> cmd, Map<String, String> env)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().put("LAMIN_HOME", tmp.resolve("home").toString());
    pb.environment().put("LAMIN_CACHE_DIR", tmp.resolve("cache").toString());
    pb.environment().remove("LAMIN_INSTANCE");
    pb.environment().remove("LAMIN_RUN_UID");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    Path out = tmp.resolve("out-" + System.nanoTime());
    Path err = tmp.resolve("err-" + System.nanoTime());
    pb.redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 300 s");
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /**
   * @return true when {@code tool} runs ({@code tool --version} or {@code -version})
   */
  static boolean available(String tool) {
    for (String flag : List.of("--version", "-version")) {
      try {
        ProcessBuilder pb = new ProcessBuilder(tool, flag).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return true;
        }
      } catch (IOException | InterruptedException e) {
        return false;
      }
    }
    return false;
  }
}
