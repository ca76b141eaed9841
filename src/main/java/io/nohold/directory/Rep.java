package io.nohold.directory;

/** A rep of a region. {@code backupRank} is the rep's place in the region's backup order. */
public record Rep(String id, String name, String regionId, int backupRank, RepStatus status) {

    public boolean available() {
        return status == RepStatus.AVAILABLE;
    }

    public String firstName() {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

}
