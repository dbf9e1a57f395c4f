package io.recruitsuite.console.session;

/** The person signed in at the provider is no member of any organization here. */
public class NotAMember extends RuntimeException {

    public NotAMember() {
        super("This account is not a member of any organization", null, false, false);
    }
}
