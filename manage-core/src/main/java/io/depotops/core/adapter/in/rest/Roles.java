package io.depotops.core.adapter.in.rest;

/** The roles of a user's token; each includes the ones below it. */
final class Roles {

    static final String ADMIN = "admin";
    static final String OPERATOR = "operator";
    static final String VIEWER = "viewer";

    private Roles() {}
}
