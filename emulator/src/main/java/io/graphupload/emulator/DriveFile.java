package io.graphupload.emulator;

import java.time.Instant;

/**
 * A file in a OneDrive.
 *
 * @param id the driveItem id
 * @param name the file name
 * @param path the path it was looked up by
 * @param size the content length in bytes
 * @param sha256 lower-case hex SHA-256 of the content
 * @param lastModified when its content last changed
 */
public record DriveFile(
    String id, String name, String path, long size, String sha256, Instant lastModified) {}
