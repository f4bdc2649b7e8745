/**
 * Spring Boot 4 auto-configuration for sio4j: a {@link io.sio4j.server.SocketIoServer} bean
 * configured by {@link io.sio4j.spring.boot.SocketIoProperties} ({@code sio4j.*}), on the servlet
 * web server's port, with handlers from {@link io.sio4j.spring.boot.SocketIoController} beans,
 * payloads bound by the application's Jackson 3 mapper, and Actuator health and metrics.
 */
package io.sio4j.spring.boot;
