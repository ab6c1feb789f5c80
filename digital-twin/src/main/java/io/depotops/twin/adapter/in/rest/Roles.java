package io.depotops.twin.adapter.in.rest;

/** The roles of a user's token, as in core: admins and operators change, viewers read. */
final class Roles {

    static final String ADMIN = "admin";
    static final String OPERATOR = "operator";
    static final String VIEWER = "viewer";

    private Roles() {}
}
