/**
 * Micrometer metrics for sio4j: {@link io.sio4j.micrometer.SocketIoMetrics} binds the server's
 * {@code socketio.*} meters to any {@code MeterRegistry} (Prometheus, OTLP, JMX...), no Spring
 * needed.
 *
 * <pre>{@code
 * SocketIoMetrics.bind(io, registry);
 * }</pre>
 */
package io.sio4j.micrometer;
