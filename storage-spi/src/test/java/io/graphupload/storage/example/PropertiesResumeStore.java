package io.graphupload.storage.example;

import io.graphupload.core.Attachment;
import io.graphupload.core.Checkpoint;
import io.graphupload.core.FileIdentity;
import io.graphupload.core.UploadTarget;
import io.graphupload.core.spi.ResumeStore;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An example of a third-party resume store: every checkpoint in one properties file, with keys such
 * as {@code offset.<upload id>}. It shows the shape of a storage plugin, not a store to use: it
 * rewrites the whole file on every save, and its claims hold within one JVM only.
 *
 * <p>Thread-safe: every method is synchronized on the store, and claims are shared by every
 * instance over the same file.
 */
public final class PropertiesResumeStore implements ResumeStore {
  private static final Set<String> CLAIMED = ConcurrentHashMap.newKeySet();

  private final Path file;

  public PropertiesResumeStore(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  Path file() {
    return file;
  }

  @Override
  public synchronized void save(Checkpoint checkpoint) throws IOException {
    publish(prepare(checkpoint));
  }

  @Override
  public synchronized Optional<Checkpoint> load(String uploadId) throws IOException {
    Properties all = read();
    if (all.getProperty("target." + uploadId) == null) {
      return Optional.empty();
    }
    return Optional.of(checkpoint(all, uploadId));
  }

  @Override
  public synchronized List<Checkpoint> list() throws IOException {
    Properties all = read();
    return all.stringPropertyNames().stream()
        .filter(key -> key.startsWith("target."))
        .map(key -> checkpoint(all, key.substring("target.".length())))
        .sorted(Comparator.comparing(Checkpoint::createdAt).thenComparing(Checkpoint::uploadId))
        .toList();
  }

  @Override
  public synchronized void delete(String uploadId) throws IOException {
    Properties all = read();
    all.stringPropertyNames().stream()
        .filter(key -> key.substring(key.indexOf('.') + 1).equals(uploadId))
        .forEach(all::remove);
    publish(write(all));
  }

  @Override
  public Optional<Lease> tryLock(String uploadId) {
    String claim = file + "#" + uploadId;
    if (!CLAIMED.add(claim)) {
      return Optional.empty();
    }
    AtomicBoolean closed = new AtomicBoolean();
    return Optional.of(
        () -> {
          if (closed.compareAndSet(false, true)) {
            CLAIMED.remove(claim);
          }
        });
  }

  /** Writes every checkpoint and {@code checkpoint} to a temporary file, not yet in place. */
  synchronized Path prepare(Checkpoint checkpoint) throws IOException {
    Properties all = read();
    String id = checkpoint.uploadId();
    all.setProperty("target." + id, checkpoint.target().resourcePath());
    Attachment attachment = checkpoint.attachment();
    all.setProperty("name." + id, attachment.name());
    all.setProperty("size." + id, Long.toString(attachment.size()));
    all.setProperty("contentType." + id, attachment.contentType());
    all.setProperty("inline." + id, Boolean.toString(attachment.inline()));
    setOrRemove(all, "contentId." + id, attachment.contentId());
    FileIdentity source = checkpoint.file();
    all.setProperty("path." + id, source.path().toString());
    all.setProperty("fileSize." + id, Long.toString(source.size()));
    all.setProperty("lastModified." + id, source.lastModified().toString());
    all.setProperty("sha256." + id, source.sha256());
    all.setProperty("uploadUrl." + id, checkpoint.uploadUrl());
    Instant expiration = checkpoint.expiration();
    setOrRemove(all, "expiration." + id, expiration == null ? null : expiration.toString());
    all.setProperty("offset." + id, Long.toString(checkpoint.acknowledgedOffset()));
    all.setProperty("createdAt." + id, checkpoint.createdAt().toString());
    all.setProperty("updatedAt." + id, checkpoint.updatedAt().toString());
    return write(all);
  }

  private static Checkpoint checkpoint(Properties all, String id) {
    String contentId = all.getProperty("contentId." + id);
    String expiration = all.getProperty("expiration." + id);
    return new Checkpoint(
        id,
        UploadTarget.parse(all.getProperty("target." + id)),
        new Attachment(
            all.getProperty("name." + id),
            Long.parseLong(all.getProperty("size." + id)),
            all.getProperty("contentType." + id),
            Boolean.parseBoolean(all.getProperty("inline." + id)),
            contentId),
        new FileIdentity(
            Path.of(all.getProperty("path." + id)),
            Long.parseLong(all.getProperty("fileSize." + id)),
            Instant.parse(all.getProperty("lastModified." + id)),
            all.getProperty("sha256." + id)),
        all.getProperty("uploadUrl." + id),
        expiration == null ? null : Instant.parse(expiration),
        Long.parseLong(all.getProperty("offset." + id)),
        Instant.parse(all.getProperty("createdAt." + id)),
        Instant.parse(all.getProperty("updatedAt." + id)));
  }

  private static void setOrRemove(Properties all, String key, String value) {
    if (value == null) {
      all.remove(key);
    } else {
      all.setProperty(key, value);
    }
  }

  private Properties read() throws IOException {
    Properties all = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      all.load(reader);
    } catch (NoSuchFileException e) {
      // nothing saved yet
    }
    return all;
  }

  /** Writes {@code all} to a fresh owner-only temporary file beside the store's file. */
  private Path write(Properties all) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary =
        Files.createTempFile(
            file.getParent(),
            file.getFileName().toString(),
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      all.store(writer, "graph-upload checkpoints: upload URLs are credentials, keep private");
    }
    return temporary;
  }

  private void publish(Path temporary) throws IOException {
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
