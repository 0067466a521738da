package io.graphupload.transport.retrofit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only file channel that records every positional read and fails a test that touches the
 * channel's own position or reads without a position, as the transport must not.
 */
final class RecordingFileChannel extends FileChannel {
  /** One positional read: where, and how many bytes were asked for. */
  record Read(long position, int requested) {}

  private final FileChannel delegate;
  private final List<Read> reads = new ArrayList<>();

  RecordingFileChannel(FileChannel delegate) {
    this.delegate = delegate;
  }

  synchronized List<Read> reads() {
    return List.copyOf(reads);
  }

  @Override
  public synchronized int read(ByteBuffer destination, long position) throws IOException {
    reads.add(new Read(position, destination.remaining()));
    return delegate.read(destination, position);
  }

  @Override
  public long size() throws IOException {
    return delegate.size();
  }

  @Override
  public long position() throws IOException {
    return delegate.position();
  }

  @Override
  public FileChannel position(long newPosition) {
    throw new AssertionError("The transport moved the channel's own position");
  }

  @Override
  public int read(ByteBuffer destination) {
    throw new AssertionError("The transport read at the channel's own position");
  }

  @Override
  public long read(ByteBuffer[] destinations, int offset, int length) {
    throw new AssertionError("The transport read at the channel's own position");
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) {
    throw new AssertionError("Unexpected transferTo");
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) {
    throw new AssertionError("Unexpected map: a mapping of the range would not be bounded");
  }

  @Override
  public int write(ByteBuffer source) {
    throw new AssertionError("The transport wrote to the file");
  }

  @Override
  public long write(ByteBuffer[] sources, int offset, int length) {
    throw new AssertionError("The transport wrote to the file");
  }

  @Override
  public int write(ByteBuffer source, long position) {
    throw new AssertionError("The transport wrote to the file");
  }

  @Override
  public FileChannel truncate(long size) {
    throw new AssertionError("The transport truncated the file");
  }

  @Override
  public long transferFrom(ReadableByteChannel source, long position, long count) {
    throw new AssertionError("The transport wrote to the file");
  }

  @Override
  public void force(boolean metaData) throws IOException {
    delegate.force(metaData);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) {
    throw new AssertionError("Unexpected lock");
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) {
    throw new AssertionError("Unexpected lock");
  }

  @Override
  protected void implCloseChannel() throws IOException {
    delegate.close();
  }
}
