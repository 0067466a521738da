package io.graphupload.storage;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.graphupload.core.Attachment;
import io.graphupload.core.Checkpoint;
import io.graphupload.core.FileIdentity;
import io.graphupload.core.Nullable;
import io.graphupload.core.Redaction;
import io.graphupload.core.UploadTarget;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Writes a checkpoint as a versioned JSON document and reads it back.
 *
 * <p>Version 1 holds the target as its Graph resource path, instants as ISO-8601 strings, and
 * leaves out what is null. Unknown names are skipped, so a later release may add fields without a
 * new version; a document of any other version is refused before its fields are read.
 */
final class CheckpointJson {
  static final int VERSION = 1;

  private static final JsonAdapter<Checkpoint> ADAPTER = new CheckpointAdapter().indent("  ");

  private CheckpointJson() {}

  static byte[] encode(Checkpoint checkpoint) {
    return (ADAPTER.toJson(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a checkpoint from {@code json}.
   *
   * @throws CheckpointFormatException with a reason a person can read, naming the JSON path; it
   *     never contains an upload URL's query string
   */
  static Checkpoint decode(byte[] json) throws CheckpointFormatException {
    try {
      return ADAPTER.fromJson(utf8(json));
    } catch (CheckpointFormatException e) {
      throw e;
    } catch (CharacterCodingException e) {
      throw new CheckpointFormatException("it is not UTF-8 text", e);
    } catch (EOFException e) {
      throw new CheckpointFormatException(
          "it is cut short: the JSON ends before it is complete", e);
    } catch (JsonEncodingException e) {
      throw new CheckpointFormatException("it is not well-formed JSON: " + safe(e), e);
    } catch (IOException | JsonDataException e) {
      throw new CheckpointFormatException("it is not shaped like a checkpoint: " + safe(e), e);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new CheckpointFormatException("it holds an impossible value: " + safe(e), e);
    }
  }

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static String safe(Exception e) {
    // Moshi's advice to "use JsonReader.setLenient(true)" is for programmers, not for users.
    String message = String.valueOf(e.getMessage());
    return Redaction.text(
        message.replace("Use JsonReader.setLenient(true) to accept malformed JSON", "bad syntax"));
  }

  private static final class CheckpointAdapter extends JsonAdapter<Checkpoint> {
    private static final JsonReader.Options NAMES =
        JsonReader.Options.of(
            "version",
            "uploadId",
            "target",
            "attachment",
            "file",
            "uploadUrl",
            "expiration",
            "acknowledgedOffset",
            "createdAt",
            "updatedAt");
    private static final JsonReader.Options VERSION_NAME = JsonReader.Options.of("version");
    private static final JsonReader.Options ATTACHMENT_NAMES =
        JsonReader.Options.of("name", "size", "contentType", "inline", "contentId");
    private static final JsonReader.Options FILE_NAMES =
        JsonReader.Options.of("path", "size", "lastModified", "sha256");

    @Override
    public void toJson(JsonWriter writer, @Nullable Checkpoint checkpoint) throws IOException {
      if (checkpoint == null) {
        throw new IllegalArgumentException("A null checkpoint cannot be written");
      }
      writer.beginObject();
      writer.name("version").value(VERSION);
      writer.name("uploadId").value(checkpoint.uploadId());
      writer.name("target").value(checkpoint.target().resourcePath());
      writeAttachment(writer.name("attachment"), checkpoint.attachment());
      writeFile(writer.name("file"), checkpoint.file());
      writer.name("uploadUrl").value(checkpoint.uploadUrl());
      if (checkpoint.expiration() != null) {
        writer.name("expiration").value(checkpoint.expiration().toString());
      }
      writer.name("acknowledgedOffset").value(checkpoint.acknowledgedOffset());
      writer.name("createdAt").value(checkpoint.createdAt().toString());
      writer.name("updatedAt").value(checkpoint.updatedAt().toString());
      writer.endObject();
    }

    private static void writeAttachment(JsonWriter writer, Attachment attachment)
        throws IOException {
      writer.beginObject();
      writer.name("name").value(attachment.name());
      writer.name("size").value(attachment.size());
      writer.name("contentType").value(attachment.contentType());
      writer.name("inline").value(attachment.inline());
      if (attachment.contentId() != null) {
        writer.name("contentId").value(attachment.contentId());
      }
      writer.endObject();
    }

    private static void writeFile(JsonWriter writer, FileIdentity file) throws IOException {
      writer.beginObject();
      writer.name("path").value(file.path().toString());
      writer.name("size").value(file.size());
      writer.name("lastModified").value(file.lastModified().toString());
      writer.name("sha256").value(file.sha256());
      writer.endObject();
    }

    @Override
    public Checkpoint fromJson(JsonReader reader) throws IOException {
      requireKnownVersion(reader.peekJson());

      String uploadId = null;
      String target = null;
      Attachment attachment = null;
      FileIdentity file = null;
      String uploadUrl = null;
      Instant expiration = null;
      Long acknowledgedOffset = null;
      Instant createdAt = null;
      Instant updatedAt = null;
      String path = reader.getPath();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NAMES)) {
          case 0 -> reader.skipValue();
          case 1 -> uploadId = reader.nextString();
          case 2 -> target = reader.nextString();
          case 3 -> attachment = readAttachment(reader);
          case 4 -> file = readFile(reader);
          case 5 -> uploadUrl = reader.nextString();
          case 6 -> expiration = nullableInstant(reader);
          case 7 -> acknowledgedOffset = reader.nextLong();
          case 8 -> createdAt = instant(reader);
          case 9 -> updatedAt = instant(reader);
          default -> skipUnknown(reader);
        }
      }
      reader.endObject();

      return new Checkpoint(
          required(uploadId, "uploadId", path),
          UploadTarget.parse(required(target, "target", path)),
          required(attachment, "attachment", path),
          required(file, "file", path),
          required(uploadUrl, "uploadUrl", path),
          expiration,
          required(acknowledgedOffset, "acknowledgedOffset", path),
          required(createdAt, "createdAt", path),
          required(updatedAt, "updatedAt", path));
    }

    private static void requireKnownVersion(JsonReader peek) throws IOException {
      peek.beginObject();
      while (peek.hasNext()) {
        if (peek.selectName(VERSION_NAME) == 0) {
          int version = peek.nextInt();
          if (version != VERSION) {
            throw CheckpointFormatException.unsupportedVersion(version);
          }
          return;
        }
        skipUnknown(peek);
      }
      throw new CheckpointFormatException("it has no format 'version'", null);
    }

    private static Attachment readAttachment(JsonReader reader) throws IOException {
      String name = null;
      Long size = null;
      String contentType = null;
      Boolean inline = null;
      String contentId = null;
      String path = reader.getPath();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(ATTACHMENT_NAMES)) {
          case 0 -> name = reader.nextString();
          case 1 -> size = reader.nextLong();
          case 2 -> contentType = reader.nextString();
          case 3 -> inline = reader.nextBoolean();
          case 4 -> contentId = nullableString(reader);
          default -> skipUnknown(reader);
        }
      }
      reader.endObject();

      return new Attachment(
          required(name, "name", path),
          required(size, "size", path),
          required(contentType, "contentType", path),
          required(inline, "inline", path),
          contentId);
    }

    private static FileIdentity readFile(JsonReader reader) throws IOException {
      String path = null;
      Long size = null;
      Instant lastModified = null;
      String sha256 = null;
      String where = reader.getPath();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(FILE_NAMES)) {
          case 0 -> path = reader.nextString();
          case 1 -> size = reader.nextLong();
          case 2 -> lastModified = instant(reader);
          case 3 -> sha256 = reader.nextString();
          default -> skipUnknown(reader);
        }
      }
      reader.endObject();

      return new FileIdentity(
          Path.of(required(path, "path", where)),
          required(size, "size", where),
          required(lastModified, "lastModified", where),
          required(sha256, "sha256", where));
    }

    private static void skipUnknown(JsonReader reader) throws IOException {
      reader.skipName();
      reader.skipValue();
    }

    private static @Nullable String nullableString(JsonReader reader) throws IOException {
      return reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : reader.nextString();
    }

    private static @Nullable Instant nullableInstant(JsonReader reader) throws IOException {
      return reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : instant(reader);
    }

    private static Instant instant(JsonReader reader) throws IOException {
      String path = reader.getPath();
      String text = reader.nextString();
      try {
        return Instant.parse(text);
      } catch (DateTimeException e) {
        throw new JsonDataException(
            "Expected an ISO-8601 instant such as 2024-05-01T10:15:30Z but was '"
                + text
                + "' at path "
                + path);
      }
    }

    private static <T> T required(@Nullable T value, String name, String path) {
      if (value == null) {
        throw new JsonDataException("Required value '" + name + "' missing at path " + path);
      }
      return value;
    }
  }
}
