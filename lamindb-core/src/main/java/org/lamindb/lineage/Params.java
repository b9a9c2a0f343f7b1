package org.lamindb.lineage;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a program's arguments into run parameters for {@code ln.track(TrackOptions.ofParams(...))}.
 *
 * <pre>{@code
 * // plain main(String[] args): --input data.csv --min-reads=1000 --dry-run
 * ln.track(TrackOptions.ofParams(Params.fromArgs(args)));
 * // a picocli command object after parsing (fields annotated with @Option / @Parameters), or a record
 * ln.track(TrackOptions.ofParams(Params.fromObject(this)));
 * }</pre>
 */
public final class Params {
  private Params() {}

  /**
   * Parses GNU-style arguments: {@code --name value}, {@code --name=value}, {@code -n value}, flags
   * ({@code --dry-run} → true); other arguments are collected under {@code args}. Names keep their
   * spelling without dashes ({@code min-reads}); numbers and booleans are typed.
   *
   * @param args the program's arguments
   * @return parameters in argument order
   */
  public static Map<String, Object> fromArgs(String... args) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Object> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        for (int j = i + 1; j < args.length; j++) {
          positional.add(typed(args[j]));
        }
        break;
      }
      if (a.startsWith("-") && a.length() > 1 && !isNumber(a)) {
        String name = a.replaceFirst("^-{1,2}", "");
        int eq = name.indexOf('=');
        if (eq > 0) {
          out.put(name.substring(0, eq), typed(name.substring(eq + 1)));
        } else if (i + 1 < args.length && (!args[i + 1].startsWith("-") || isNumber(args[i + 1]))) {
          out.put(name, typed(args[++i]));
        } else {
          out.put(name, true);
        }
      } else {
        positional.add(typed(a));
      }
    }
    if (!positional.isEmpty()) {
      out.put("args", positional);
    }
    return out;
  }

  /**
   * Reads the parameters of a parsed command object: a record's components, the fields annotated by
   * picocli ({@code @Option}, {@code @Parameters}) if any, else all instance fields. Field names
   * become parameter names.
   *
   * @param command a record, a picocli command, or any object holding options
   * @return parameters by field name
   */
  public static Map<String, Object> fromObject(Object command) {
    Map<String, Object> out = new LinkedHashMap<>();
    Class<?> c = command.getClass();
    if (c.isRecord()) {
      for (RecordComponent rc : c.getRecordComponents()) {
        try {
          out.put(rc.getName(), rc.getAccessor().invoke(command));
        } catch (ReflectiveOperationException e) {
          // inaccessible component: skipped
        }
      }
      return out;
    }
    List<Field> fields = new ArrayList<>();
    boolean anyPicocli = false;
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
          continue;
        }
        fields.add(f);
        anyPicocli |= isPicocliOption(f);
      }
    }
    for (Field f : fields) {
      if (anyPicocli && !isPicocliOption(f)) {
        continue;
      }
      try {
        f.setAccessible(true);
        out.put(f.getName(), f.get(command));
      } catch (ReflectiveOperationException | RuntimeException e) {
        // inaccessible field (module boundary): skipped
      }
    }
    return out;
  }

  private static boolean isPicocliOption(Field f) {
    for (Annotation a : f.getAnnotations()) {
      String n = a.annotationType().getName();
      if (n.equals("picocli.CommandLine$Option") || n.equals("picocli.CommandLine$Parameters")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNumber(String s) {
    return s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  }

  private static Object typed(String s) {
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    if (s.matches("-?\\d{1,18}")) {
      return Long.parseLong(s);
    }
    if (isNumber(s)) {
      return Double.parseDouble(s);
    }
    return s;
  }
}
