package org.lamindb.internal.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lamindb.spi.FormatProvider;

/**
 * Loads text-like artifacts as LaminDB does (spec §4.6): {@code .txt}, {@code .md} and sequence
 * files as a {@link String}; {@code .json} as a Jackson {@link JsonNode} (or {@link Map}/{@link
 * List} when asked for that class). YAML is not supported yet and fails with a clear message. Text
 * is decoded as strict UTF-8.
 */
public final class TextFormatProvider implements FormatProvider {
  private static final Set<String> TEXT =
      Set.of(".txt", ".md", ".fasta", ".fa", ".faa", ".fna", ".fastq", ".fq");
  private static final Set<String> JSON = Set.of(".json", ".vitessce.json");
  private static final Set<String> YAML = Set.of(".yaml", ".yml");
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public TextFormatProvider() {}

  @Override
  public boolean canLoad(String suffix) {
    String s = Suffixes.normalize(suffix);
    return TEXT.contains(s) || JSON.contains(s) || YAML.contains(s);
  }

  @Override
  public <T> Optional<T> load(Path path, String suffix, Class<T> type) throws IOException {
    String s = Suffixes.normalize(suffix);
    if (YAML.contains(s)) {
      throw FormatErrors.unsupported(
          "Loading YAML files ("
              + path
              + ") is not supported yet in lamindb-java; use cache() to get the path and parse it"
              + " with a YAML library.");
    }
    if (JSON.contains(s)) {
      return loadJson(path, type);
    }
    if (TEXT.contains(s)
        && (type == Object.class || type == String.class || type == CharSequence.class)) {
      return Optional.of(type.cast(readText(path)));
    }
    return Optional.empty();
  }

  private static <T> Optional<T> loadJson(Path path, Class<T> type) throws IOException {
    if (type == String.class) {
      return Optional.of(type.cast(readText(path)));
    }
    checkLoadableSize(path);
    JsonNode node;
    try (InputStream in = Files.newInputStream(path)) {
      node = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw FormatErrors.malformed(path, "JSON", e.getOriginalMessage() + " at " + location(e), e);
    } catch (IOException e) {
      throw FormatErrors.io(path, "read", e);
    }
    if (node == null || node.isMissingNode()) {
      throw FormatErrors.malformed(path, "JSON", "the file is empty", null);
    }
    if (type == Object.class || type == JsonNode.class) {
      return Optional.of(type.cast(node));
    }
    if (type == Map.class || type == List.class) {
      if ((type == Map.class && !node.isObject()) || (type == List.class && !node.isArray())) {
        throw FormatErrors.unsupported(
            "The JSON in "
                + path
                + " is a "
                + node.getNodeType()
                + ", not a "
                + type.getSimpleName()
                + ".");
      }
      return Optional.of(MAPPER.convertValue(node, type));
    }
    return Optional.empty();
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? "unknown position"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /**
   * Reads a whole file as strict UTF-8, refusing files that cannot fit into a String or the heap.
   */
  static String readText(Path path) {
    checkLoadableSize(path);
    try {
      byte[] bytes = Files.readAllBytes(path);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw FormatErrors.malformed(path, "UTF-8 text", "invalid UTF-8 byte sequence", e);
    } catch (IOException e) {
      throw FormatErrors.io(path, "read", e);
    }
  }

  private static long checkLoadableSize(Path path) {
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw FormatErrors.io(path, "read", e);
    }
    long limit = Math.min(Integer.MAX_VALUE - 64L, Runtime.getRuntime().maxMemory() / 4);
    if (size > limit) {
      throw FormatErrors.unsupported(
          "The file "
              + path
              + " has "
              + size
              + " bytes, too large to load into memory (limit "
              + limit
              + " bytes with this heap); use cache() or open() to stream it.");
    }
    return size;
  }
}
