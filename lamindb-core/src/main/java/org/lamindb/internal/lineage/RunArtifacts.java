package org.lamindb.internal.lineage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Artifact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The artifacts a run points to (spec §5.2): its environment (the JVM and runtime class path,
 * LaminDB's {@code requirements.txt}) and its report (the captured log). Both are of kind {@code
 * __lamindb_run__}, have no producing run, and are de-duplicated by content hash like every
 * artifact.
 */
final class RunArtifacts {
  static final String KIND = "__lamindb_run__";
  private static final Logger LOG = LoggerFactory.getLogger(RunArtifacts.class);

  private RunArtifacts() {}

  /**
   * @return the text of the environment file: JVM, then one class path entry per line (file names
   *     for jars)
   */
  static String environmentText() {
    StringBuilder s = new StringBuilder();
    s.append("# java.vm: ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.runtime.version", System.getProperty("java.version")))
        .append('\n');
    s.append("# java.vendor: ").append(System.getProperty("java.vendor")).append('\n');
    String cp = System.getProperty("java.class.path", "");
    for (String entry : cp.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path p = Path.of(entry);
      // jar file names carry name and version and stay the same across machines; folders keep their
      // path
      s.append(entry.endsWith(".jar") ? p.getFileName().toString() : entry).append('\n');
    }
    return s.toString();
  }

  /** Saves (or finds) the environment artifact; null if it cannot be written. */
  static Artifact saveEnvironment(Instance inst, String runUid) {
    try {
      Path dir = inst.cacheDir().resolve("environments").resolve("run_" + runUid);
      String text = environmentText();
      // the same environment as an earlier run (the common case): reuse it without staging a file
      String hash = org.lamindb.internal.storage.Hashing.hashString(text);
      var existing =
          org.lamindb.internal.core.RecordStore.load(
              inst,
              org.lamindb.internal.core.CoreRegistries.ARTIFACT,
              org.lamindb.internal.core.RecordStore.col("hash")
                  .eq(hash)
                  .and(org.lamindb.internal.core.RecordStore.col("kind").eq(KIND))
                  .and(
                      org.lamindb.internal.core.RecordStore.col("branch_id")
                          .ne(org.lamindb.internal.core.RecordStore.TRASH)));
      if (!existing.isEmpty()) {
        return (Artifact) existing.get(existing.size() - 1);
      }
      Files.createDirectories(dir);
      Path f = dir.resolve("run_env_classpath.txt");
      Files.writeString(f, text, StandardCharsets.UTF_8);
      return saveWithoutRun(inst, f, "classpath.txt");
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not save the run environment: {}", e.getMessage());
      return null;
    }
  }

  /** Saves the captured log as the report artifact; null if empty or failing. */
  static Artifact saveReport(Instance inst, Path log, String runUid) {
    try {
      if (log == null || !Files.isRegularFile(log) || Files.size(log) == 0) {
        return null;
      }
      return saveWithoutRun(inst, log, "log streams of run " + runUid);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not save the run report: {}", e.getMessage());
      return null;
    }
  }

  private static Artifact saveWithoutRun(Instance inst, Path file, String description) {
    Long current = inst.currentRunId();
    inst.currentRunId(null);
    try {
      return inst.ln().artifact(file).description(description).kind(KIND).save();
    } finally {
      inst.currentRunId(current);
    }
  }
}
