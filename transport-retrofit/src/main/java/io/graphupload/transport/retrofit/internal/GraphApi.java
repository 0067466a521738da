package io.graphupload.transport.retrofit.internal;

import java.util.Map;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Streaming;

/**
 * The Graph calls, relative to the version root such as {@code https://graph.microsoft.com/v1.0/}.
 * Paths come from the target already encoded. Answers stay raw, since what they mean depends on the
 * status.
 */
public interface GraphApi {

  @POST("{path}")
  Call<ResponseBody> createUploadSession(
      @Path(value = "path", encoded = true) String path,
      @Header("Authorization") String authorization,
      @Header("client-request-id") String clientRequestId,
      @Body Map<String, Object> body);

  /** Streamed: the answer echoes the attachment's whole content, which is not kept. */
  @Streaming
  @POST("{path}")
  Call<ResponseBody> postAttachment(
      @Path(value = "path", encoded = true) String path,
      @Header("Authorization") String authorization,
      @Header("client-request-id") String clientRequestId,
      @Body RequestBody body);

  /** Streamed: the answer echoes the whole message, of which only the id is read. */
  @Streaming
  @POST("{path}")
  Call<ResponseBody> createMessage(
      @Path(value = "path", encoded = true) String path,
      @Header("Authorization") String authorization,
      @Header("client-request-id") String clientRequestId,
      @Body RequestBody body);

  @POST("{path}")
  Call<ResponseBody> sendMessage(
      @Path(value = "path", encoded = true) String path,
      @Header("Authorization") String authorization,
      @Header("client-request-id") String clientRequestId,
      @Body RequestBody emptyBody);
}
