/**
 * The HTTP transport on Retrofit, OkHttp and Moshi: {@link
 * io.graphupload.transport.retrofit.RetrofitTransport}, found by {@link java.util.ServiceLoader}
 * under the name {@code retrofit} or built directly with {@link
 * io.graphupload.transport.retrofit.RetrofitTransport#builder()}.
 *
 * <p>Parameters and return values are non-null unless marked {@link io.graphupload.core.Nullable}.
 */
package io.graphupload.transport.retrofit;
