/**
 * {@code sio4j-cli}, the command-line Socket.IO client ({@link io.sio4j.cli.SioCli}), shipped as
 * the runnable jar {@code cli/target/sio4j-cli.jar}.
 *
 * <pre>{@code
 * java -jar cli/target/sio4j-cli.jar http://localhost:3000/chat --emit msg '{"text":"hi"}' --ack
 * }</pre>
 */
package io.sio4j.cli;
