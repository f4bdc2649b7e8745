/**
 * Test helpers shared by every module: {@link io.sio4j.testkit.LeakDetectionExtension} (fails a
 * test class on any Netty buffer leak, registered automatically), {@link
 * io.sio4j.testkit.NodeProcess} (runs an npm peer from {@code interop/node/} and reads its JSON
 * lines), {@link io.sio4j.testkit.VirtualClock} (a scheduler whose time tests advance), {@link
 * io.sio4j.testkit.TestCertificates} (a throw-away CA and server certificates for TLS tests) and
 * {@link io.sio4j.testkit.ProjectPaths}.
 */
package io.sio4j.testkit;
