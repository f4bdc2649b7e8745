package io.sio4j.spring.boot;

import io.sio4j.admin.AdminUi;
import io.sio4j.admin.AdminUiOptions;
import io.sio4j.server.SocketIoServer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The official admin UI's server side ({@code /admin} namespace) when sio4j-admin-ui is present and
 * {@code sio4j.admin-ui.enabled=true}: basic auth with {@code sio4j.admin-ui.username} and the
 * bcrypt {@code sio4j.admin-ui.password-hash}, or none when no username is set. The page itself is
 * the application's to serve (it ships in sio4j-admin-ui under {@code sio4j-admin-ui/}).
 */
@AutoConfiguration(after = SocketIoAutoConfiguration.class)
@ConditionalOnClass(AdminUi.class)
@ConditionalOnBean(SocketIoServer.class)
@ConditionalOnProperty(prefix = "sio4j.admin-ui", name = "enabled", havingValue = "true")
public class SocketIoAdminUiAutoConfiguration {

  @Bean(destroyMethod = "close")
  AdminUi socketIoAdminUi(SocketIoServer io, SocketIoProperties properties) {
    SocketIoProperties.AdminUi p = properties.adminUi();
    AdminUiOptions.Builder options = AdminUiOptions.builder().readOnly(p.readOnly());
    if (p.username() == null) options.noAuth();
    else {
      if (p.passwordHash() == null) {
        throw new IllegalStateException(
            "sio4j.admin-ui.username is set without sio4j.admin-ui.password-hash");
      }
      options.auth(p.username(), p.passwordHash());
    }
    return AdminUi.instrument(io, options.build());
  }
}
