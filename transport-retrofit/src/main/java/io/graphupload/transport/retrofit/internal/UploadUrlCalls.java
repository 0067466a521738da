package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Redaction;
import io.graphupload.core.UploadException;
import io.graphupload.core.UploadException.Category;
import io.graphupload.core.UploadException.Phase;
import io.graphupload.core.UploadSession;
import io.graphupload.core.spi.ContentRange;
import io.graphupload.core.spi.RangeAnswer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls to an upload URL: PUT a range, GET the status, DELETE the session. They go through a
 * client that has no authenticator and no interceptor, so no {@code Authorization} header can be
 * added, and to the URL exactly as the service gave it. Thread-safe.
 */
public final class UploadUrlCalls {
  private static final Logger log = LoggerFactory.getLogger(UploadUrlCalls.class);

  private final OkHttpClient client;
  private final ErrorAnswers errors;

  public UploadUrlCalls(OkHttpClient client, ErrorAnswers errors) {
    this.client = client;
    this.errors = errors;
  }

  /** PUTs {@code range} of {@code source}, streamed from the file; see the transport SPI. */
  public RangeAnswer put(String uploadUrl, ContentRange range, FileChannel source)
      throws IOException, UploadException {
    Phase phase = Phase.UPLOAD_RANGE;
    HttpUrl url = exactUrl(uploadUrl, phase);
    long needed = range.start() + range.length();
    if (source.size() < needed) {
      throw new UploadException(
          Category.INVALID_INPUT,
          phase,
          "The file is now "
              + source.size()
              + " bytes, too short for the range "
              + range
              + ": it was changed after the upload started. Start a new upload of the file as it"
              + " is now.");
    }
    Request request =
        new Request.Builder()
            .url(url)
            .header("Content-Range", range.header())
            .put(new FileRegionBody(source, range))
            .build();

    Answer answer = execute(request, phase);
    if (answer.status() >= 300) {
      throw errors.toException(answer, CallContext.uploadUrl(phase));
    }
    return RangeAnswers.read(answer, range, uploadUrl);
  }

  /** GETs the session's status; empty when the service does not answer such queries. */
  public Optional<UploadSession> query(String uploadUrl) throws IOException, UploadException {
    Phase phase = Phase.QUERY_SESSION;
    Request request = new Request.Builder().url(exactUrl(uploadUrl, phase)).get().build();

    Answer answer = execute(request, phase);
    int status = answer.status();
    if (status == 405
        || status == 501
        || (status == 400 && ErrorAnswers.saysNotSupported(answer))) {
      log.debug("The upload URL does not answer status queries (HTTP {})", status);
      return Optional.empty();
    }
    if (status >= 300) {
      throw errors.toException(answer, CallContext.uploadUrl(phase));
    }
    return readStatus(answer, uploadUrl);
  }

  /** DELETEs the session; one that no longer exists is no error. */
  public void delete(String uploadUrl) throws IOException, UploadException {
    Phase phase = Phase.DELETE_SESSION;
    Request request = new Request.Builder().url(exactUrl(uploadUrl, phase)).delete().build();

    Answer answer = execute(request, phase);
    if (answer.status() == 404 || answer.status() == 410) {
      log.debug("The upload session was already gone (HTTP {})", answer.status());
    } else if (answer.status() >= 300) {
      throw errors.toException(answer, CallContext.uploadUrl(phase));
    }
  }

  private Optional<UploadSession> readStatus(Answer answer, String uploadUrl)
      throws MalformedAnswerException {
    Map<String, Object> json =
        Json.object(answer.body())
            .orElseThrow(
                () ->
                    new MalformedAnswerException(
                        "The status of the upload session ("
                            + answer.describeRequest()
                            + ", HTTP "
                            + answer.status()
                            + ") is not JSON, so it cannot tell where the session stands."));
    if (!Json.has(json, "nextExpectedRanges")) {
      // Without the ranges the answer says nothing about where the session stands.
      log.debug("The upload session's status lists no nextExpectedRanges; treating as unknown");
      return Optional.empty();
    }
    try {
      UploadSession session = UploadSession.fromJson(json, false, uploadUrl);
      // The URL stays the one the caller holds, whatever the status says.
      return Optional.of(
          new UploadSession(uploadUrl, session.expiration(), session.nextExpectedRanges()));
    } catch (IllegalArgumentException e) {
      throw new MalformedAnswerException(
          "The status of the upload session ("
              + answer.describeRequest()
              + ") cannot be read: "
              + Redaction.text(e.getMessage()),
          e);
    }
  }

  private Answer execute(Request request, Phase phase) throws IOException, UploadException {
    try {
      return Answer.read(client.newCall(request).execute());
    } catch (FileChangedException e) {
      throw new UploadException(Category.INVALID_INPUT, phase, e.getMessage(), e);
    } catch (IOException e) {
      throw NoAnswer.wrap(Answer.describe(request), e);
    }
  }

  /**
   * Returns {@code uploadUrl} for OkHttp, after checking that OkHttp sends its path and query
   * exactly as given: the URL is opaque and signed, so a re-encoded character could break it.
   * Messages show OkHttp's form of the URL, whose query values have no quotes or spaces left for
   * the redaction to stop at.
   */
  private static HttpUrl exactUrl(String uploadUrl, Phase phase) throws UploadException {
    HttpUrl url = UrlPolicy.uploadUrl(uploadUrl);
    int rewrite = UrlPolicy.firstRewrite(uploadUrl, url);
    if (rewrite >= 0) {
      // TODO: OkHttp re-encodes a few characters (such as ' in a query) that the service has never
      // been seen to put in an upload URL; such a URL fails here rather than go out changed.
      throw new UploadException(
          Category.PERMANENT,
          phase,
          "The upload URL "
              + Redaction.url(url.toString())
              + " cannot be sent exactly as the service gave it: OkHttp would re-encode its path"
              + " or query from character "
              + rewrite
              + " on, which could break its signature. No request was sent.");
    }
    return url;
  }
}
