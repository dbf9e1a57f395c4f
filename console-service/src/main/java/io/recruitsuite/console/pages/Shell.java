package io.recruitsuite.console.pages;

import io.recruitsuite.console.session.Membership;

/** What every page's frame shows: who is signed in, in which role, and which section is open. */
public record Shell(String section, String name, Membership member) {

    public boolean canWrite() {
        return member.canWrite();
    }

    public String role() {
        return member.role();
    }
}
