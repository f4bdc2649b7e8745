package io.sio4j.examples;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The examples' one logging switch, the Java counterpart of Node's {@code DEBUG=engine,socket.io*}:
 * the environment variable {@code SIO4J_DEBUG} or the system property {@code sio4j.debug} (which
 * wins) names the layers whose SLF4J loggers go to DEBUG. Names are separated by commas or spaces,
 * {@code *} matches any run of characters, a leading {@code -} excludes, and a Java logger name
 * ({@code io.sio4j...}) may be given as is.
 *
 * <pre>{@code
 * SIO4J_DEBUG='*' java -jar sio4j-examples.jar chat                  # everything
 * SIO4J_DEBUG=engine,socket.io* java -jar sio4j-examples.jar chat    # as in Node
 * java -Dsio4j.debug=engine:websocket -jar sio4j-examples.jar hello  # only the WebSocket layer
 * }</pre>
 *
 * <p>Each named layer is set on its own (a match turns that logger to DEBUG, every other known
 * layer is set to INFO), so {@code engine} shows the engine's handshakes and sessions without the
 * polling and WebSocket detail, exactly as {@code DEBUG=engine} does in Node.
 *
 * <p>Stateless; {@link #apply} changes logback's global levels, so call it once at start-up.
 */
public final class DebugSwitch {
  /** The environment variable read by {@link #fromEnvironment()}. */
  public static final String ENV = "SIO4J_DEBUG";

  /** The system property read by {@link #fromEnvironment()}; it wins over {@link #ENV}. */
  public static final String PROPERTY = "sio4j.debug";

  /** Layer name (as in Node's debug namespaces) to SLF4J logger name. */
  public static final Map<String, String> LAYERS = layers();

  private DebugSwitch() {}

  private static Map<String, String> layers() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("engine", "io.sio4j.engine");
    m.put("engine:polling", "io.sio4j.engine.polling");
    m.put("engine:websocket", "io.sio4j.engine.websocket");
    m.put("socket.io:server", "io.sio4j.server");
    m.put("socket.io:adapter", "io.sio4j.server.adapter");
    m.put("socket.io-parser", "io.sio4j.protocol");
    m.put("socket.io-client", "io.sio4j.client");
    m.put("examples", "io.sio4j.examples");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The switch's value: the system property if set, else the environment variable, else null. */
  public static String fromEnvironment() {
    String prop = System.getProperty(PROPERTY);
    return prop != null ? prop : System.getenv(ENV);
  }

  /**
   * The logger names a switch value turns to DEBUG, in {@link #LAYERS} order then as given. Blank
   * or null selects nothing.
   */
  public static Set<String> loggersFor(String spec) {
    Set<String> on = new LinkedHashSet<>();
    if (spec == null || spec.isBlank()) return on;
    List<Pattern> include = new ArrayList<>();
    List<Pattern> exclude = new ArrayList<>();
    List<String> javaNames = new ArrayList<>();
    for (String part : spec.trim().split("[,\\s]+")) {
      if (part.isEmpty()) continue;
      boolean minus = part.startsWith("-");
      String name = minus ? part.substring(1) : part;
      if (!minus && name.startsWith("io.sio4j") && !name.contains("*")) javaNames.add(name);
      (minus ? exclude : include).add(glob(name));
    }
    for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
      boolean wanted = matches(include, layer.getKey()) || matches(include, layer.getValue());
      boolean unwanted = matches(exclude, layer.getKey()) || matches(exclude, layer.getValue());
      if (wanted && !unwanted) on.add(layer.getValue());
    }
    for (String name : javaNames) {
      if (!matches(exclude, name)) on.add(name);
    }
    return on;
  }

  /**
   * Applies a switch value to logback: every selected logger to DEBUG, every other known layer to
   * INFO. Returns the selected logger names (empty when the switch is off, in which case nothing is
   * changed).
   */
  public static Set<String> apply(String spec) {
    Set<String> on = loggersFor(spec);
    if (on.isEmpty()) return on;
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return on;
    for (String name : LAYERS.values()) {
      context.getLogger(name).setLevel(on.contains(name) ? Level.DEBUG : Level.INFO);
    }
    for (String name : on) {
      Logger logger = context.getLogger(name);
      logger.setLevel(Level.DEBUG);
    }
    return on;
  }

  /** The lines {@code --help} prints about the switch. */
  public static String help() {
    StringBuilder sb = new StringBuilder();
    sb.append("Debug logging (like DEBUG=engine,socket.io* in Node):\n");
    sb.append(
        "  SIO4J_DEBUG=<layers> or -Dsio4j.debug=<layers>  turns those layers' logs to DEBUG\n");
    sb.append("  layers, comma or space separated, * as wildcard, -name to exclude:\n");
    for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
      sb.append(String.format("    %-20s %s%n", layer.getKey(), layer.getValue()));
    }
    sb.append(
        "  e.g. SIO4J_DEBUG='*'  or  SIO4J_DEBUG=engine,socket.io*  or  SIO4J_DEBUG=engine:*\n");
    return sb.toString();
  }

  private static boolean matches(List<Pattern> patterns, String name) {
    for (Pattern p : patterns) {
      if (p.matcher(name).matches()) return true;
    }
    return false;
  }

  private static Pattern glob(String text) {
    List<String> pieces = new ArrayList<>();
    for (String piece : text.split("\\*", -1)) pieces.add(Pattern.quote(piece));
    return Pattern.compile(String.join(".*", pieces));
  }
}
