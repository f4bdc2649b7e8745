/**
 * sio4j-admin-ui: the server side of the official Socket.IO admin UI, and its built page. Passwords
 * are checked with the {@code at.favre.lib:bcrypt} library (an automatic module named after its
 * jar, {@code bcrypt}).
 */
module io.sio4j.admin {
  requires transitive io.sio4j.server;
  requires bcrypt;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports io.sio4j.admin;
}
