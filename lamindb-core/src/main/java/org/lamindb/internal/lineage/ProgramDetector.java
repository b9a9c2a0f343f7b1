package org.lamindb.internal.lineage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarFile;
import org.lamindb.TrackingException;
import org.lamindb.internal.storage.Hashing;

/**
 * Finds out which program is running from the JVM's command line ({@code sun.java.command}, {@code
 * jdk.module.main}, the process's arguments and, for JShell's execution agent, its parent's): a
 * single-file program ({@code java Foo.java}), a JShell script, a JBang script, a Groovy or
 * Nextflow script, a jar's main class or a main class on the class path.
 */
public final class ProgramDetector {
  static final String SOURCE_LAUNCHER = "com.sun.tools.javac.launcher.Main";
  static final String JSHELL_AGENT = "jdk.jshell.execution.RemoteExecutionControl";
  static final String JSHELL_TOOL = "jdk.internal.jshell.tool.JShellToolProvider";
  private static final List<String> GROOVY_SUFFIXES =
      List.of(".groovy", ".gvy", ".gy", ".gsh", ".nf");

  private ProgramDetector() {}

  /**
   * @param explicitPath a source file the caller named, or null
   * @return the running program
   * @throws TrackingException when the program cannot be identified (pass a key then)
   */
  public static Program detect(Path explicitPath) {
    if (explicitPath != null) {
      return fromSourceFile(explicitPath, "script", "file", List.of());
    }
    String jbang = System.getProperty("jbang.source");
    if (jbang != null && !jbang.isBlank() && Files.isRegularFile(Path.of(jbang))) {
      return fromSourceFile(Path.of(jbang), "script", "jbang", List.of());
    }
    List<String> cmd = commandTokens();
    if (cmd.isEmpty()) {
      throw new TrackingException(
          "cannot tell which program is running (no sun.java.command); pass a key: ln.track(TrackOptions.ofKey(\"my-step\"))");
    }
    String main = cmd.get(0);
    List<String> args = cmd.subList(1, cmd.size());
    if (main.endsWith(SOURCE_LAUNCHER) && !args.isEmpty()) {
      return fromSourceFile(
          Path.of(args.get(0)), "script", "java-source", args.subList(1, args.size()));
    }
    if (main.equals(JSHELL_AGENT) || main.endsWith(JSHELL_TOOL)) {
      List<String> shellArgs = main.equals(JSHELL_AGENT) ? parentArguments() : args;
      Optional<Path> script = jshellScript(shellArgs);
      if (script.isPresent()) {
        return fromSourceFile(script.get(), "script", "jshell", List.of());
      }
      throw new TrackingException(
          "running in JShell without a script file; pass a key: ln.track(TrackOptions.ofKey(\"my-analysis\"))");
    }
    if (main.contains("groovy") || main.contains("Groovy") || main.startsWith("nextflow.")) {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (GROOVY_SUFFIXES.stream().anyMatch(a.toLowerCase(Locale.ROOT)::endsWith)
            && Files.isRegularFile(Path.of(a))) {
          String kind = a.endsWith(".nf") ? "pipeline" : "script";
          return fromSourceFile(
              Path.of(a),
              kind,
              a.endsWith(".nf") ? "nextflow" : "groovy",
              args.subList(i + 1, args.size()));
        }
      }
    }
    if (main.endsWith(".jar") && Files.isRegularFile(Path.of(main))) {
      return fromJar(Path.of(main), args);
    }
    if (main.matches("[\\w$.]+(/[\\w$.]+)?")) {
      String className = main.contains("/") ? main.substring(main.indexOf('/') + 1) : main;
      return fromClass(className, args);
    }
    throw new TrackingException(
        "cannot tell which program is running from '"
            + String.join(" ", cmd)
            + "'; pass a key: ln.track(TrackOptions.ofKey(\"my-step\"))");
  }

  /**
   * @return {@code sun.java.command} split into main (class, jar or module/class) and arguments
   */
  static List<String> commandTokens() {
    String cmd = System.getProperty("sun.java.command");
    if (cmd == null || cmd.isBlank()) {
      return List.of();
    }
    List<String> tokens = new ArrayList<>(Arrays.asList(cmd.trim().split("\\s+")));
    // paths with spaces: prefer the real argument vector when the process exposes it
    Optional<String[]> real = ProcessHandle.current().info().arguments();
    if (real.isPresent() && cmd.contains(" ")) {
      String[] a = real.get();
      String first = tokens.get(0);
      for (int i = 0; i < a.length; i++) {
        if (a[i].equals(first)
            || a[i].endsWith("/" + first)
            || (first.contains("/") && a[i].equals(first.substring(first.indexOf('/') + 1)))) {
          List<String> out = new ArrayList<>();
          out.add(first);
          out.addAll(Arrays.asList(a).subList(i + 1, a.length));
          if (String.join(" ", out).equals(cmd.trim())) {
            return out;
          }
        }
      }
    }
    return tokens;
  }

  /**
   * @return the parent process's arguments (from /proc, as the JDK gives none for long command
   *     lines)
   */
  private static List<String> parentArguments() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty()) {
      return List.of();
    }
    Path cmdline = Path.of("/proc", String.valueOf(parent.get().pid()), "cmdline");
    if (Files.isReadable(cmdline)) {
      try {
        String[] argv = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0");
        if (argv.length > 1) {
          return Arrays.asList(argv).subList(1, argv.length);
        }
      } catch (IOException e) {
        // fall back to what the JDK reports
      }
    }
    return parent.get().info().arguments().map(Arrays::asList).orElse(List.of());
  }

  /**
   * @return the script file of a JShell command line: the last {@code .jsh} argument, else the last
   *     file
   */
  static Optional<Path> jshellScript(List<String> args) {
    List<String> withValue =
        List.of(
            "--class-path",
            "-cp",
            "-classpath",
            "--module-path",
            "-p",
            "--add-modules",
            "--startup",
            "--execution",
            "-m",
            "--module",
            "--feedback",
            "--add-exports",
            "-R",
            "-J",
            "-C");
    Path found = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-")) {
        if (withValue.contains(a)) {
          i++;
        }
        continue;
      }
      Path p = Path.of(a);
      if (a.endsWith(".jsh") && Files.isRegularFile(p)) {
        found = p;
      } else if (found == null
          && Files.isRegularFile(p)
          && !a.endsWith(".jar")
          && !a.contains("JShellToolProvider")) {
        found = p;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * @return a program whose identity is its source text
   */
  static Program fromSourceFile(Path file, String kind, String runtime, List<String> args) {
    Path abs = file.toAbsolutePath().normalize();
    String source;
    try {
      source = Files.readString(abs, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TrackingException(
          "cannot read the program's source " + abs + ": " + e.getMessage(), e);
    }
    String key = abs.getFileName().toString();
    return new Program(
        kind,
        key,
        abs,
        source,
        Hashing.hashFile(abs).hash(),
        args.isEmpty() ? null : "CLI: " + key,
        args.isEmpty() ? null : String.join(" ", args),
        runtime);
  }

  /**
   * @return a program identified by the jar's content hash, keyed by its main class
   */
  static Program fromJar(Path jar, List<String> args) {
    String mainClass = null;
    try (JarFile jf = new JarFile(jar.toFile())) {
      var mf = jf.getManifest();
      if (mf != null) {
        mainClass = mf.getMainAttributes().getValue("Start-Class");
        if (mainClass == null) {
          mainClass = mf.getMainAttributes().getValue("Main-Class");
        }
      }
    } catch (IOException e) {
      throw new TrackingException("cannot read jar " + jar + ": " + e.getMessage(), e);
    }
    String key = mainClass != null ? mainClass : jar.getFileName().toString();
    return new Program(
        "pipeline",
        key,
        null,
        null,
        Hashing.hashFile(jar).hash(),
        "jar: " + jar.getFileName(),
        args.isEmpty() ? null : String.join(" ", args),
        "jar");
  }

  /**
   * @return a program keyed by its main class, identified by the class file (or its jar)
   */
  static Program fromClass(String className, List<String> args) {
    String hash = null;
    String runtime = "class";
    String description = null;
    try {
      Class<?> c = Class.forName(className, false, ProgramDetector.class.getClassLoader());
      CodeSource cs = c.getProtectionDomain().getCodeSource();
      Path location =
          cs == null || cs.getLocation() == null ? null : Path.of(cs.getLocation().toURI());
      if (location != null && Files.isRegularFile(location)) {
        hash = Hashing.hashFile(location).hash();
        runtime = "jar";
        description = "jar: " + location.getFileName();
      } else {
        URL res = c.getResource(c.getSimpleName() + ".class");
        if (res != null) {
          try (InputStream in = res.openStream()) {
            hash =
                Hashing.toB64(
                    java.security.MessageDigest.getInstance("MD5").digest(in.readAllBytes()));
          }
        }
      }
    } catch (ClassNotFoundException
        | URISyntaxException
        | IOException
        | java.security.NoSuchAlgorithmException
        | RuntimeException e) {
      // no class file to hash: the key alone identifies the transform
    }
    return new Program(
        "pipeline",
        className,
        null,
        null,
        hash,
        description,
        args.isEmpty() ? null : String.join(" ", args),
        runtime);
  }
}
