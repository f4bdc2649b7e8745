package io.sio4j.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The options of {@link AdminUi#instrument}, with the official defaults: namespace {@code /admin},
 * read-write, server id = host name, development mode (every socket, room and event is sent to the
 * UI; production mode sends the aggregated counts only). Authentication must be chosen explicitly,
 * as in the official server: {@link Builder#auth(String, String)} with a bcrypt hash, or {@link
 * Builder#noAuth()}.
 *
 * <pre>{@code
 * // the hash of the password, made once: htpasswd -bnBC 10 "" secret | tr -d ':\n'
 * AdminUiOptions options = AdminUiOptions.builder()
 *     .auth("admin", "$2b$10$heqvAkYMez.Va6Et2uXInOnkCT6/uQj1brkrbyG3LpopDklcq7ZOS")
 *     .readOnly(true)
 *     .serverId("eu-1")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AdminUiOptions {
  private final String namespace;
  private final String username;
  private final String passwordHash;
  private final boolean readOnly;
  private final String serverId;
  private final boolean development;

  private AdminUiOptions(Builder b) {
    this.namespace = b.namespace;
    this.username = b.username;
    this.passwordHash = b.passwordHash;
    this.readOnly = b.readOnly;
    this.serverId = b.serverId != null ? b.serverId : hostname();
    this.development = b.development;
  }

  /** A builder with the official defaults (authentication still to choose). */
  public static Builder builder() {
    return new Builder();
  }

  /** The admin namespace, default {@code /admin}. */
  public String namespace() {
    return namespace;
  }

  /** The user name of basic authentication, or {@code null} when authentication is off. */
  public String username() {
    return username;
  }

  /** The bcrypt hash of the password, or {@code null} when authentication is off. */
  public String passwordHash() {
    return passwordHash;
  }

  /** Whether operator actions (emit, join, leave, disconnect) are refused. Default false. */
  public boolean readOnly() {
    return readOnly;
  }

  /** The id this server shows in the UI's server list; default the host name. */
  public String serverId() {
    return serverId;
  }

  /**
   * Development mode (the default) sends every socket, room and event to the UI; production mode
   * only the server stats with aggregated counts, for busy servers.
   */
  public boolean development() {
    return development;
  }

  /**
   * The bcrypt hash (cost 10) of a password, for {@link Builder#auth(String, String)}: make it once
   * and keep the hash in the configuration rather than the password.
   */
  public static String hash(char[] password) {
    return BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(10, password);
  }

  static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** Builds {@link AdminUiOptions}; {@link #build()} validates. */
  public static final class Builder {
    private String namespace = "/admin";
    private String username;
    private String passwordHash;
    private boolean authChosen;
    private boolean readOnly;
    private String serverId;
    private boolean development = true;

    private Builder() {}

    /** See {@link AdminUiOptions#namespace()}. */
    public Builder namespace(String namespace) {
      if (!Objects.requireNonNull(namespace, "namespace").startsWith("/")) {
        throw new IllegalArgumentException("namespace must start with /");
      }
      this.namespace = namespace;
      return this;
    }

    /**
     * Basic authentication: the UI's user name and password, the password given as a bcrypt hash
     * ({@code $2a$}, {@code $2b$} or {@code $2y$}), as the official server wants it.
     */
    public Builder auth(String username, String bcryptHash) {
      this.username = Objects.requireNonNull(username, "username");
      this.passwordHash = Objects.requireNonNull(bcryptHash, "bcryptHash");
      this.authChosen = true;
      return this;
    }

    /** No authentication: anyone who reaches the namespace administers the server. */
    public Builder noAuth() {
      this.username = null;
      this.passwordHash = null;
      this.authChosen = true;
      return this;
    }

    /** See {@link AdminUiOptions#readOnly()}. */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** See {@link AdminUiOptions#serverId()}. */
    public Builder serverId(String serverId) {
      this.serverId = Objects.requireNonNull(serverId, "serverId");
      return this;
    }

    /** See {@link AdminUiOptions#development()}. */
    public Builder development(boolean development) {
      this.development = development;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalStateException when neither {@code auth} nor {@code noAuth} was chosen
     * @throws IllegalArgumentException when the password hash is not a bcrypt hash
     */
    public AdminUiOptions build() {
      if (!authChosen) {
        throw new IllegalStateException(
            "choose auth(username, bcryptHash) or noAuth() explicitly, as the official server asks");
      }
      if (passwordHash != null) {
        try {
          BCrypt.Version.VERSION_2A.parser.parse(passwordHash.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
          throw new IllegalArgumentException("the password must be a valid bcrypt hash", e);
        }
      }
      return new AdminUiOptions(this);
    }
  }
}
