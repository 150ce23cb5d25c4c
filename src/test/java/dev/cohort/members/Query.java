package dev.cohort.members;

/** Paths with LHS-bracket filters, their brackets percent-encoded: Tomcat refuses them raw in a query. */
final class Query {
    private Query() {
    }

    static String q(String path) {
        return path.replace("[", "%5B").replace("]", "%5D");
    }
}
