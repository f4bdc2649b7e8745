package io.sio4j.protocol.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that uses JVM-only reflection (serializable lambdas, hidden classes) which Android
 * does not have; the build's Android API check skips it. Each such method is a best effort whose
 * caller falls back when it fails, so on Android lambda parameter types are not inferred and the
 * explicit forms ({@code on(event, Order.class, ...)}) apply.
 *
 * <pre>{@code
 * @JvmOnly
 * private static boolean hidden(Class<?> c) { return c.isHidden(); }
 * }</pre>
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
@interface JvmOnly {}
