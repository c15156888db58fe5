package io.campuscrm.students;

/** What an import created. */
public record ImportResult(int students, int families, int guardians) {
}
