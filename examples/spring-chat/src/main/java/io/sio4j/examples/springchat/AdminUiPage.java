package io.sio4j.examples.springchat;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the official admin UI's page (packed in sio4j-admin-ui from npm) at {@code /admin-ui/}
 * when {@code sio4j.admin-ui.enabled=true}, so no remote page is needed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sio4j.admin-ui", name = "enabled", havingValue = "true")
public class AdminUiPage implements WebMvcConfigurer {
  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/admin-ui/**").addResourceLocations("classpath:/sio4j-admin-ui/");
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/admin-ui/").setViewName("forward:/admin-ui/index.html");
  }
}
