package io.sio4j.spring.boot;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Bean Validation of bound payloads, through the application's {@link Validator}. Only loaded when
 * Bean Validation is on the class path. Thread-safe.
 */
final class PayloadValidator {
  private final Validator validator;

  PayloadValidator(Validator validator) {
    this.validator = validator;
  }

  /** The violations as {@code {property, message}}, sorted by property; empty when valid. */
  List<Map<String, String>> validate(Object value) {
    if (value == null) return List.of(Map.of("property", "", "message", "must not be null"));
    return validator.validate(value).stream()
        .sorted(
            Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
        .map(
            v ->
                Map.of(
                    "property", v.getPropertyPath().toString(),
                    "message", v.getMessage()))
        .toList();
  }
}
