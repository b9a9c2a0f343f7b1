package org.lamindb.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.RepairOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lamin repair [--dry-run] [--grace <duration>]}: remove leftovers of interrupted saves. */
@Command(
    mixinStandardHelpOptions = true,
    name = "repair",
    description = {
      "Find leftovers of interrupted saves (orphan files, temporary uploads) and remove them.",
      "Safe while others save: uploads of saves in flight and anything younger than the grace"
          + " period are kept."
    })
final class RepairCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dry-run",
      description = "Only report what would be removed or kept, and why (age, owner, state).")
  boolean dryRun;

  @Option(
      names = "--grace",
      paramLabel = "<duration>",
      description =
          "Keep leftovers younger than this: 0, 90s, 30m, 1h, 2d or ISO-8601 (PT1H). Default: 1h.")
  String grace;

  @Override
  public Integer call() {
    RepairOptions options = RepairOptions.defaults().dryRun(dryRun);
    if (grace != null) {
      options = options.grace(parseDuration(grace));
    }
    try (LaminDB ln = Cli.connect()) {
      var lines = ln.repair(options);
      lines.forEach(spec.commandLine().getOut()::println);
      long leftovers =
          lines.stream().filter(l -> l.startsWith("remove: ") || l.startsWith("removed: ")).count();
      long kept = lines.stream().filter(l -> l.startsWith("keep: ")).count();
      spec.commandLine()
          .getOut()
          .println(
              "→ "
                  + leftovers
                  + (dryRun ? " leftover(s) found" : " leftover(s) removed")
                  + (dryRun && kept > 0 ? ", " + kept + " kept" : ""));
    }
    return 0;
  }

  /**
   * @return {@code 0}, {@code 90s}, {@code 30m}, {@code 1h}, {@code 2d} or an ISO-8601 duration
   */
  static Duration parseDuration(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.matches("\\d+")) {
        return Duration.ofSeconds(Long.parseLong(t));
      }
      if (t.matches("\\d+[smhd]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      return Duration.parse(s.strip().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new InvalidArgumentException(
          "invalid --grace '" + s + "': use 0, 90s, 30m, 1h, 2d or an ISO-8601 duration (PT1H)");
    }
  }
}
