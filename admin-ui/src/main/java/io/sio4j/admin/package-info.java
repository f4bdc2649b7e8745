/**
 * The official Socket.IO admin UI for sio4j: {@link io.sio4j.admin.AdminUi#instrument} adds the
 * {@code /admin} namespace that the UI (npm {@code @socket.io/admin-ui} 0.5.x, or the hosted
 * admin.socket.io) connects to, and {@link io.sio4j.admin.AdminUi#page()} serves the UI's built
 * files so that no remote page is needed.
 *
 * <pre>{@code
 * AdminUi.instrument(io, AdminUiOptions.builder().auth("admin", bcryptHash).build());
 * }</pre>
 */
package io.sio4j.admin;
