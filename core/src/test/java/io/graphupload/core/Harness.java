package io.graphupload.core;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** One fake Graph, store and clock, and uploaders wired to them, for engine tests. */
final class Harness {
  static final OutlookItem DRAFT = OutlookItem.message(Mailbox.me(), "AAMkDraft");
  static final int MIB = 1024 * 1024;

  final FakeGraph graph = new FakeGraph();
  final MemoryStore store = new MemoryStore();
  final FakeTime time = new FakeTime();
  final List<UploadEvent> events = new ArrayList<>();
  final Path dir;

  Harness(Path dir) {
    this.dir = dir;
  }

  Uploader uploader() {
    return uploader(builder -> {});
  }

  Uploader uploader(Consumer<Uploader.Builder> customize) {
    Uploader.Builder builder =
        Uploader.builder()
            .transport(graph)
            .resumeStore(store)
            .clock(time)
            .sleeper(time)
            .random(new Random(42))
            .listener(events::add);
    customize.accept(builder);
    return builder.build();
  }

  /** Writes a file of {@code size} bytes whose content is a known pattern. */
  Path file(String name, long size) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, pattern(size));
    return file;
  }

  /** Creates a file of {@code size} zero bytes without writing them, for the largest sizes. */
  Path sparseFile(String name, long size) throws IOException {
    Path file = dir.resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    }
    return file;
  }

  static byte[] pattern(long size) {
    byte[] bytes = new byte[Math.toIntExact(size)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + i / 4099);
    }
    return bytes;
  }

  <E extends UploadEvent> List<E> events(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Returns the PUTs the fake received, as Content-Range headers. */
  List<String> putHeaders() {
    return graph.puts.stream().map(range -> range.header()).toList();
  }
}
