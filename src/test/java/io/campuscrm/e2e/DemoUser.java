package io.campuscrm.e2e;

/** The demo data's sign-in per role (see {@code UsersDemoData}); all share one password. */
enum DemoUser {

    ADMIN("admin", "Alex Morgan"),
    ADMISSIONS("admissions", "Grace Tan"),
    TEACHER("teacher", "Daniel Lim"),
    FINANCE("finance", "Priya Nair");

    static final String PASSWORD = "campus-demo";

    final String username;
    final String displayName;

    DemoUser(String username, String displayName) {
        this.username = username;
        this.displayName = displayName;
    }

    MainPage signIn(LoginPage login) {
        return login.signInAs(username, PASSWORD);
    }
}
