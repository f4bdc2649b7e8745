/**
 * sio4j-client-okhttp: the client's transport on OkHttp 5 ({@link
 * io.sio4j.client.okhttp.OkHttpTransport}), for Android and for applications built on OkHttp.
 */
module io.sio4j.client.okhttp {
  requires transitive io.sio4j.client;
  requires transitive okhttp3;

  exports io.sio4j.client.okhttp;
}
