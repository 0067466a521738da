package io.graphupload.emulator.internal;

/** Where a OneDrive upload session will put its file, and what to do on a name clash. */
record DriveTarget(
    DriveState drive, String parentId, String name, String conflictBehavior, boolean deferCommit) {}
