package org.lamindb.internal.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.lamindb.InstanceException;
import org.lamindb.spi.LaminModule;

/**
 * Finds {@link LaminModule}s on the classpath and orders the ones an instance enables (core first).
 */
public final class Modules {
  private static volatile Map<String, LaminModule> available;

  private Modules() {}

  /**
   * @return all modules on the classpath by name
   */
  public static Map<String, LaminModule> available() {
    if (available == null) {
      Map<String, LaminModule> m = new LinkedHashMap<>();
      m.put(CoreModule.NAME, new CoreModule());
      for (LaminModule mod :
          ServiceLoader.load(LaminModule.class, Modules.class.getClassLoader())) {
        m.putIfAbsent(mod.name(), mod);
      }
      available = m;
    }
    return available;
  }

  /**
   * @param names modules an instance enables (besides core)
   * @return core followed by those modules, dependencies first
   * @throws InstanceException when a module is not on the classpath
   */
  public static List<LaminModule> resolve(List<String> names) {
    Map<String, LaminModule> all = available();
    List<LaminModule> out = new ArrayList<>();
    out.add(all.get(CoreModule.NAME));
    for (String n : names) {
      add(n, all, out);
    }
    return out;
  }

  private static void add(String n, Map<String, LaminModule> all, List<LaminModule> out) {
    if (n.equals(CoreModule.NAME) || out.stream().anyMatch(m -> m.name().equals(n))) {
      return;
    }
    LaminModule m = all.get(n);
    if (m == null) {
      List<String> known = all.keySet().stream().filter(k -> !k.equals(CoreModule.NAME)).toList();
      throw new InstanceException(
          "module '"
              + n
              + "' is not available: add org.lamindb:lamindb-"
              + n
              + " to the classpath"
              + (known.isEmpty() ? "" : " (available: " + String.join(", ", known) + ")"));
    }
    for (String dep : m.requires()) {
      add(dep, all, out);
    }
    out.add(m);
  }
}
