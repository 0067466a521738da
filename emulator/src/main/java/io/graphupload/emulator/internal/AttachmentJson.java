package io.graphupload.emulator.internal;

import com.squareup.moshi.JsonWriter;
import io.graphupload.emulator.AttachmentInfo;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import okio.BufferedSink;

/** Writes fileAttachment JSON, streaming contentBytes from disk as base64. */
final class AttachmentJson {
  private AttachmentJson() {}

  static void write(JsonWriter json, String context, StoredAttachment attachment)
      throws IOException {
    json.setSerializeNulls(true);
    json.beginObject();
    if (context != null) {
      json.name("@odata.context").value(context);
    }
    AttachmentInfo info = attachment.info();
    json.name("@odata.type").value("#microsoft.graph.fileAttachment");
    json.name("@odata.mediaContentType").value(info.contentType());
    json.name("id").value(info.id());
    json.name("lastModifiedDateTime").value(Timestamps.graph(info.lastModified()));
    json.name("name").value(info.name());
    json.name("contentType").value(info.contentType());
    json.name("size").value(info.size());
    json.name("isInline").value(info.inline());
    json.name("contentId");
    if (info.contentId() == null) {
      json.nullValue();
    } else {
      json.value(info.contentId());
    }
    json.name("contentLocation").nullValue();
    json.name("contentBytes");
    try (BufferedSink sink = json.valueSink()) {
      sink.writeByte('"');
      try (OutputStream base64 = Base64.getEncoder().wrap(new KeepOpen(sink.outputStream()))) {
        Files.copy(attachment.file(), base64);
      }
      sink.writeByte('"');
    }
    json.endObject();
  }

  static void writeList(JsonWriter json, String context, List<StoredAttachment> attachments)
      throws IOException {
    json.setSerializeNulls(true);
    json.beginObject();
    json.name("@odata.context").value(context);
    json.name("value").beginArray();
    for (StoredAttachment attachment : attachments) {
      write(json, null, attachment);
    }
    json.endArray();
    json.endObject();
  }

  /** Lets the base64 encoder flush its padding without closing the JSON sink under it. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
