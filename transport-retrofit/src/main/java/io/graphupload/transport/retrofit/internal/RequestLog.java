package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Redaction;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one DEBUG line per request: method, URL without query values, status, protocol, bytes up and
 * down, and milliseconds to the answer's headers. Headers are never logged, as they carry tokens.
 */
public final class RequestLog implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!log.isDebugEnabled()) {
      return chain.proceed(request);
    }
    long started = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      log.debug(
          "{} {} -> {} {}, {} bytes up, {} down, {} ms",
          request.method(),
          Redaction.url(request.url().toString()),
          response.code(),
          response.protocol(),
          sent(request),
          received(response),
          millisSince(started));
      return response;
    } catch (IOException e) {
      log.debug(
          "{} {} -> no answer after {} ms ({}-byte body): {}",
          request.method(),
          Redaction.url(request.url().toString()),
          millisSince(started),
          sent(request),
          Redaction.text(e.toString()));
      throw e;
    }
  }

  private static long sent(Request request) throws IOException {
    RequestBody body = request.body();
    return body == null ? 0 : body.contentLength();
  }

  private static String received(Response response) {
    long length = response.body() == null ? -1 : response.body().contentLength();
    return length < 0 ? "? bytes" : length + " bytes";
  }

  private static long millisSince(long started) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }
}
