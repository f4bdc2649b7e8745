package io.sio4j.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Cross-origin settings for the polling transport and the HTTP handler. Off unless configured.
 * Origins are an explicit allow-list or a predicate; the server echoes the one matching origin,
 * never a wildcard with credentials.
 *
 * <p>With an allow-list (or predicate), Engine.IO handshakes and WebSocket upgrades that carry an
 * {@code Origin} not allowed are refused (403 code 4 over HTTP, a plain 400 for a WebSocket), which
 * stops cross-site WebSocket hijacking: browsers do not apply CORS to WebSockets, so without this a
 * page on any site could open one with the user's cookies. Requests without an {@code Origin}
 * (non-browser clients) are not affected. Turn it off with {@link Builder#checkOrigin(boolean)}.
 *
 * <pre>{@code
 * CorsOptions cors = CorsOptions.builder().origins("https://app.example").credentials(true).build();
 * }</pre>
 */
public final class CorsOptions {
  private final Predicate<String> originAllowed;
  private final boolean anyOrigin;
  private final boolean credentials;
  private final List<String> methods;
  private final List<String> allowedHeaders;
  private final List<String> exposedHeaders;
  private final Duration maxAge;
  private final boolean checkOrigin;

  private CorsOptions(Builder b) {
    this.originAllowed = b.originAllowed;
    this.anyOrigin = b.anyOrigin;
    this.credentials = b.credentials;
    this.methods = List.copyOf(b.methods);
    this.allowedHeaders = List.copyOf(b.allowedHeaders);
    this.exposedHeaders = List.copyOf(b.exposedHeaders);
    this.maxAge = b.maxAge;
    this.checkOrigin = b.checkOrigin;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether this origin may make cross-origin requests. */
  public boolean allows(String origin) {
    return origin != null && (anyOrigin || originAllowed.test(origin));
  }

  /** Whether any origin is allowed ({@code *}); then credentials are never allowed. */
  public boolean anyOrigin() {
    return anyOrigin;
  }

  /** Whether {@code Access-Control-Allow-Credentials: true} is sent. */
  public boolean credentials() {
    return credentials;
  }

  /** Allowed methods for preflight. */
  public List<String> methods() {
    return methods;
  }

  /** Allowed request headers for preflight (empty: echo the requested ones). */
  public List<String> allowedHeaders() {
    return allowedHeaders;
  }

  /** Headers exposed to the page. */
  public List<String> exposedHeaders() {
    return exposedHeaders;
  }

  /** Preflight cache duration, or {@code null}. */
  public Duration maxAge() {
    return maxAge;
  }

  /**
   * Whether handshakes and upgrades from an {@code Origin} outside the allow-list are refused: true
   * by default with an allow-list, never with {@link Builder#anyOrigin()}.
   */
  public boolean checkOrigin() {
    return checkOrigin && !anyOrigin;
  }

  /** Builds {@link CorsOptions}. */
  public static final class Builder {
    private Predicate<String> originAllowed = o -> false;
    private boolean anyOrigin;
    private boolean credentials;
    private List<String> methods = List.of("GET", "POST");
    private List<String> allowedHeaders = List.of();
    private List<String> exposedHeaders = List.of();
    private Duration maxAge;
    private boolean checkOrigin = true;

    private Builder() {}

    /** Allows exactly these origins (scheme, host and port, e.g. {@code https://a.example}). */
    public Builder origins(String... origins) {
      Set<String> set = Set.of(origins);
      this.originAllowed = set::contains;
      this.anyOrigin = false;
      return this;
    }

    /** Allows the origins the predicate accepts. */
    public Builder origins(Predicate<String> predicate) {
      this.originAllowed = Objects.requireNonNull(predicate);
      this.anyOrigin = false;
      return this;
    }

    /** Allows every origin with {@code *} (no credentials can be combined with this). */
    public Builder anyOrigin() {
      this.anyOrigin = true;
      return this;
    }

    /** Sends {@code Access-Control-Allow-Credentials: true} (needs an explicit origin list). */
    public Builder credentials(boolean credentials) {
      this.credentials = credentials;
      return this;
    }

    /** Allowed methods. */
    public Builder methods(String... methods) {
      this.methods = List.of(methods);
      return this;
    }

    /** Allowed request headers. */
    public Builder allowedHeaders(String... headers) {
      this.allowedHeaders = List.of(headers);
      return this;
    }

    /** Exposed response headers. */
    public Builder exposedHeaders(String... headers) {
      this.exposedHeaders = List.of(headers);
      return this;
    }

    /** Preflight cache duration. */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = maxAge;
      return this;
    }

    /**
     * Whether handshakes and WebSocket upgrades whose {@code Origin} is present and not allowed are
     * refused (default true; cross-site WebSocket hijacking). False only adds or omits the CORS
     * headers, as the official server does.
     */
    public Builder checkOrigin(boolean checkOrigin) {
      this.checkOrigin = checkOrigin;
      return this;
    }

    /** Validates and builds. */
    public CorsOptions build() {
      if (anyOrigin && credentials) {
        throw new IllegalArgumentException("credentials need an explicit origin list, not *");
      }
      return new CorsOptions(this);
    }
  }
}
