package org.lamindb.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin settings [name] [get|set <v>|unset]}. */
@Command(
    mixinStandardHelpOptions = true,
    name = "settings",
    description = "Show or change settings: cache-dir, storage, instance, user, catalog.")
final class SettingsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description = "cache-dir | storage | instance | user | catalog")
  String name;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "ACTION",
      description = "get (default) | set | unset")
  String action = "get";

  @Parameters(index = "2", arity = "0..1", paramLabel = "VALUE")
  String value;

  @Override
  public Integer call() {
    LaminSetup setup = LaminSetup.fromEnvironment();
    var out = spec.commandLine().getOut();
    if (name == null) {
      out.println("cache-dir=" + setup.cacheDir());
      out.println("instance=" + setup.current().orElse("none"));
      out.println("storage=" + setup.info().map(i -> i.storageRoot()).orElse("none"));
      out.println("user=" + setup.user());
      out.println("catalog=" + setup.catalog().orElse("none"));
      return 0;
    }
    switch (name + ":" + action) {
      case "cache-dir:get" -> out.println(setup.cacheDir());
      case "cache-dir:set" -> {
        if (value == null) {
          throw new InvalidArgumentException(
              "pass the new cache directory: lamin settings cache-dir set <dir>");
        }
        setup.cacheDir(Path.of(value));
        out.println("→ cache-dir=" + setup.cacheDir());
      }
      case "cache-dir:unset" -> {
        setup.cacheDir(null);
        out.println("→ cache-dir=" + setup.cacheDir());
      }
      case "storage:get" -> out.println(setup.info().map(i -> i.storageRoot()).orElse("none"));
      case "storage:set" -> {
        if (value == null) {
          throw new InvalidArgumentException(
              "pass the new default storage: lamin settings storage set <dir|s3://...>");
        }
        out.println("→ storage=" + setup.defaultStorage(value));
      }
      case "instance:get" -> out.println(setup.current().orElse("none"));
      case "user:get" -> out.println(setup.user());
      case "catalog:get" -> out.println(setup.catalog().orElse("none"));
      case "catalog:set" -> {
        if (value == null) {
          throw new InvalidArgumentException(
              "pass the catalog: lamin settings catalog set <folder|s3://bucket/prefix|postgresql://host/db>");
        }
        setup.catalog(value);
        out.println("→ catalog=" + setup.catalog().orElse("none"));
      }
      case "catalog:unset" -> {
        setup.catalog(null);
        out.println("→ catalog=" + setup.catalog().orElse("none"));
      }
      default ->
          throw new InvalidArgumentException(
              "unknown setting or action '"
                  + name
                  + " "
                  + action
                  + "'; settings: cache-dir (get|set|unset), storage (get|set), instance, user (get),"
                  + " catalog (get|set|unset)");
    }
    return 0;
  }
}
