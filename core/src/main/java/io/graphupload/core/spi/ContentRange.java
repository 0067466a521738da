package io.graphupload.core.spi;

/**
 * One range of a file to PUT.
 *
 * @param start the first byte, zero-based
 * @param length how many bytes
 * @param total the file's size
 */
public record ContentRange(long start, long length, long total) {

  public ContentRange {
    if (start < 0 || length < 1 || start + length > total) {
      throw new IllegalArgumentException(
          "Not a range of a " + total + "-byte file: start " + start + ", length " + length);
    }
  }

  /** Returns the last byte, inclusive. */
  public long end() {
    return start + length - 1;
  }

  /** Returns whether this range carries the file's last byte. */
  public boolean isLast() {
    return start + length == total;
  }

  /** Returns the {@code Content-Range} header value: {@code bytes 0-4194303/10485760}. */
  public String header() {
    return "bytes " + start + "-" + end() + "/" + total;
  }

  @Override
  public String toString() {
    return header();
  }
}
