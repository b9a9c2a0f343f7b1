package org.lamindb.internal.lineage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run executes — host, operating system, JVM, OS user — stored in {@code run.extra_data}.
 */
final class RunEnvironment {
  private static volatile String host;

  private RunEnvironment() {}

  /**
   * @return host, os, jvm, os_user, pid and runtime ({@code java-source}, {@code jshell}, {@code
   *     jar}, ...)
   */
  static ObjectNode describe(String runtime) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("host", host());
    o.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    o.put(
        "jvm",
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version", System.getProperty("java.version"))
            + " ("
            + System.getProperty("java.vendor")
            + ")");
    o.put("os_user", System.getProperty("user.name"));
    o.put("pid", ProcessHandle.current().pid());
    if (runtime != null) {
      o.put("runtime", runtime);
    }
    return o;
  }

  /**
   * @return the host name without a DNS lookup when the OS tells it directly
   */
  static String host() {
    if (host == null) {
      String h = System.getenv("HOSTNAME");
      if (h == null || h.isBlank()) {
        try {
          Path etc = Path.of("/etc/hostname");
          h = Files.isReadable(etc) ? Files.readString(etc).strip() : null;
        } catch (java.io.IOException | RuntimeException e) {
          h = null;
        }
      }
      if (h == null || h.isBlank()) {
        try {
          h = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
          h = "unknown";
        }
      }
      host = h;
    }
    return host;
  }
}
