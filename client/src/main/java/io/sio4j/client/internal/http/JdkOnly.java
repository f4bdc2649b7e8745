package io.sio4j.client.internal.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that runs on the JDK only ({@code java.net.http}): the build's Android API check
 * (animal-sniffer in {@code client/pom.xml}) skips it, and nothing else may. Android apps use the
 * {@code client-okhttp} transport instead, so these classes are never loaded there.
 *
 * <pre>{@code
 * @JdkOnly
 * final class JdkThing { java.net.http.HttpClient client; }
 * }</pre>
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JdkOnly {}
