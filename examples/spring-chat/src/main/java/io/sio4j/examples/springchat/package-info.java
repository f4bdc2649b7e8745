/** The chat example on Spring Boot: annotated Socket.IO handlers, REST and Actuator on one port. */
package io.sio4j.examples.springchat;
