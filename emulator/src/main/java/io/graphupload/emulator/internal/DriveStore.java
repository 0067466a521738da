package io.graphupload.emulator.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Drives by owner: users' OneDrives, SharePoint sites' and groups' document libraries. */
public final class DriveStore {
  private final MailStore users;
  private final Clock clock;
  private final Map<String, DriveState> byOwner = new LinkedHashMap<>();
  private final Map<String, DriveState> byId = new LinkedHashMap<>();

  DriveStore(MailStore users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  /** The signed-in user's drive, or the drive of the user with this id or principal name. */
  public synchronized DriveState forUser(String idOrUpn) {
    MailboxState user =
        idOrUpn == null
            ? users.signedIn()
            : users
                .find(idOrUpn)
                .orElseThrow(
                    () ->
                        GraphException.notFound(
                            "ErrorInvalidUser",
                            "The requested user '" + idOrUpn + "' is invalid."));
    return forOwner("user:" + user.id());
  }

  synchronized DriveState forOwner(String owner) {
    return byOwner.computeIfAbsent(
        owner,
        key -> {
          DriveState drive = new DriveState(Ids.driveId(), clock.instant());
          byId.put(drive.id(), drive);
          return drive;
        });
  }

  synchronized DriveState byId(String driveId) {
    DriveState drive = byId.get(driveId);
    if (drive == null) {
      throw GraphException.notFound("itemNotFound", "The drive '" + driveId + "' was not found.");
    }
    return drive;
  }

  public synchronized List<DriveState> all() {
    return new ArrayList<>(byId.values());
  }

  synchronized void clear() {
    byId.values().forEach(DriveState::clear);
  }
}
