package dev.cohort.members;

import java.util.List;

/** The SpotMember status enum of the MeltingSpot API. */
public final class MemberStatus {
    public static final String ACCEPTED = "Accepted";
    public static final String INVITED = "Invited";
    public static final String PENDING = "Pending";
    public static final List<String> ALL =
            List.of("Accepted", "Deactivated", "DeclinedInvitation", "Invited", "Left", "Pending", "Rejected");
    public static final List<String> ROLES = List.of("Member", "Admin");
    public static final List<String> LANGS = List.of("en", "fr", "de", "it", "es", "pt", "nl");

    private MemberStatus() {
    }
}
