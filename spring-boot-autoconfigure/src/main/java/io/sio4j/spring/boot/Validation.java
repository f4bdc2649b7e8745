package io.sio4j.spring.boot;

import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/** Finds the application's Bean Validation validator, when Bean Validation is present. */
final class Validation {
  private Validation() {}

  static PayloadValidator validator(ApplicationContext context) {
    if (!ClassUtils.isPresent("jakarta.validation.Validator", Validation.class.getClassLoader())) {
      return null;
    }
    return Present.validator(context);
  }

  /** Only loaded when the API is there. */
  private static final class Present {
    static PayloadValidator validator(ApplicationContext context) {
      var validators = context.getBeanProvider(jakarta.validation.Validator.class);
      jakarta.validation.Validator v = validators.getIfAvailable();
      return v == null ? null : new PayloadValidator(v);
    }
  }
}
